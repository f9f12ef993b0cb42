package org.paperlens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.store.Database;
import org.paperlens.store.DatabaseUrl;
import org.paperlens.testing.TestDatabase;

/**
 * Limits and keys of two processes on one PostgreSQL catalogue (two connections, each with the
 * limits serve builds): one count between them, one key. Skipped without a PostgreSQL server.
 */
class SharedLimitsTest {

  @Test
  void five_failed_log_ins_spread_over_two_processes_lock_the_name_on_both() {
    DatabaseUrl url = TestDatabase.freshPostgres();
    try (CatalogueStore migrated = CatalogueStore.open(url); Database one = Database.open(url); Database two = Database.open(url)) {
      Clock clock = Clock.systemUTC();
      AccountLimits a = AccountLimits.forCatalogue(clock, new LimitStore(one));
      AccountLimits b = AccountLimits.forCatalogue(clock, new LimitStore(two));
      for (int i = 0; i < 5; i++) {
        AccountLimits on = i % 2 == 0 ? a : b;
        assertThat(on.logIns().tryAttempt("ada", "10.0.0." + i, null)).as("attempt %d", i + 1).isEmpty();
      }
      Optional<java.time.Duration> onA = a.logIns().tryAttempt("ada", "10.0.1.1", null);
      Optional<java.time.Duration> onB = b.logIns().tryAttempt("Ada", "10.0.1.2", null);
      assertThat(onA).as("sixth on A").isPresent();
      assertThat(onB).as("sixth on B").isPresent();
      assertThat(onB.get()).isPositive();
      assertThat(a.logIns().tryAttempt("grace", "10.0.1.3", null)).as("another name").isEmpty();
    }
  }

  @Test
  void a_browser_trusted_by_one_process_is_trusted_by_the_other_and_the_keys_are_one() {
    DatabaseUrl url = TestDatabase.freshPostgres();
    try (CatalogueStore migrated = CatalogueStore.open(url); Database one = Database.open(url); Database two = Database.open(url)) {
      Clock clock = Clock.systemUTC();
      LimitStore storeA = new LimitStore(one);
      LimitStore storeB = new LimitStore(two);
      assertThat(storeA.shared()).isTrue();
      AccountLimits a = AccountLimits.forCatalogue(clock, storeA);
      AccountLimits b = AccountLimits.forCatalogue(clock, storeB);
      String device = a.logIns().deviceToken("ada");
      for (int i = 0; i < 5; i++) {
        b.logIns().tryAttempt("ada", "10.0.0.9", null); // a stranger locks the name out
      }
      assertThat(b.logIns().tryAttempt("ada", "10.0.0.9", null)).as("the stranger").isPresent();
      assertThat(b.logIns().tryAttempt("ada", "10.0.0.10", device)).as("ada's browser, trusted by A, on B").isEmpty();
      assertThat(storeA.siteKey("csrf").sign("x")).isEqualTo(storeB.siteKey("csrf").sign("x"))
          .isNotEqualTo(storeA.siteKey("device").sign("x"));
    }
  }

  @Test
  void a_limit_counted_in_the_catalogue_takes_back_and_clears_as_one_in_memory_does() {
    DatabaseUrl url = TestDatabase.freshPostgres();
    try (CatalogueStore migrated = CatalogueStore.open(url); Database one = Database.open(url)) {
      RateLimit limit = RateLimit.shared("test", 2, java.time.Duration.ofHours(1), Clock.systemUTC(), new LimitStore(one));
      assertThat(limit.tryAcquire("k")).isEmpty();
      assertThat(limit.tryAcquire("k")).isEmpty();
      assertThat(limit.tryAcquire("k")).isPresent();
      assertThat(limit.wait("k")).isPresent();
      limit.release("k");
      assertThat(limit.wait("k")).isEmpty();
      assertThat(limit.tryAcquire("k")).isEmpty();
      limit.clear("k");
      assertThat(limit.tryAcquire("k")).isEmpty();
      assertThat(limit.tryAcquire("other")).isEmpty();
    }
  }
}
