package org.paperlens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.TestDatabase;

/** Leases between two connections to one catalogue, as two serve processes hold them (both engines). */
class LeaseTest {

  @TempDir Path tmp;

  @Test
  void a_lease_is_held_by_one_taker_until_released_or_run_out() {
    Instant now = Instant.parse("2026-07-03T06:00:00Z");
    Instant hour = now.plus(Duration.ofHours(1));
    try (CatalogueStore a = TestDatabase.catalogue(tmp); CatalogueStore b = CatalogueStore.open(a.url())) {
      assertThat(take(a, "a", "harvest", now, hour)).isTrue();
      assertThat(take(b, "b", "harvest", now.plusSeconds(1), hour.plusSeconds(1))).as("held by a").isFalse();
      assertThat(take(b, "b", "other", now, hour)).as("another lease").isTrue();
      assertThat(take(b, "b", "harvest", hour.plusMillis(1), hour.plusSeconds(60))).as("run out").isTrue();
      assertThat(take(a, "a", "harvest", hour.plusSeconds(2), hour.plusSeconds(90))).as("held by b").isFalse();
      assertThat(a.<Boolean>write(w -> w.renewLease("harvest", "a", hour.plusSeconds(600)))).as("a's ran out").isFalse();
      b.write(w -> {
        w.releaseLease("harvest", "a");
        return null;
      });
      assertThat(take(a, "a", "harvest", hour.plusSeconds(3), hour.plusSeconds(90))).as("a cannot release b's").isFalse();
      assertThat(b.<Boolean>write(w -> w.renewLease("harvest", "b", hour.plusSeconds(120)))).as("b renews").isTrue();
      assertThat(take(a, "a", "harvest", hour.plusSeconds(100), hour.plusSeconds(200))).as("renewed").isFalse();
      b.write(w -> {
        w.releaseLease("harvest", "b");
        return null;
      });
      assertThat(take(a, "a", "harvest", hour.plusSeconds(101), hour.plusSeconds(200))).as("released").isTrue();
    }
  }

  @Test
  void change_numbers_of_two_connections_commit_in_order() {
    try (CatalogueStore a = TestDatabase.catalogue(tmp); CatalogueStore b = CatalogueStore.open(a.url())) {
      long first = a.<Long>write(w -> w.changeSeq());
      long second = b.<Long>write(w -> w.changeSeq());
      assertThat(second).isEqualTo(first + 1);
      assertThat(a.sequence()).isEqualTo(second);
    }
  }

  private static boolean take(CatalogueStore store, String owner, String name, Instant now, Instant until) {
    return store.<Boolean>write(w -> w.takeLease(name, owner, now, until));
  }
}
