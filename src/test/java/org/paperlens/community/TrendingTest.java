package org.paperlens.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.testing.TestDatabase;

class TrendingTest {

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-07-01T12:00:00Z");
    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  @Test
  void scores_follow_the_published_formula_with_weights_and_half_lives(@TempDir Path dir) {
    MovableClock clock = new MovableClock();
    try (CatalogueStore store = TestDatabase.catalogue(dir)) {
      store.write(w -> {
        for (String id : List.of("2601.00001", "2601.00002", "2601.00003")) {
          w.put(Paper.builder(new PaperId(id)).title("Paper " + id).source("test").build());
        }
        return null;
      });
      try (Database db = Database.open(store.url())) {
        CommunityStore community = new CommunityStore(db, clock);
        LibraryStore library = new LibraryStore(db, community, clock);
        AccountStore accounts = new AccountStore(db, new PasswordHasher(1024, 1, 1), clock);
        Account a = accounts.signUp("ann", "password1");
        Account b = accounts.signUp("ben", "password1");
        PaperId one = new PaperId("2601.00001");
        PaperId two = new PaperId("2601.00002");
        PaperId three = new PaperId("2601.00003");
        community.upvote(a, one);                  // 6 h before "now": weighs 1 * 0.5 in the day window
        library.save(b, two, List.of());           // a save: 2 * 0.5
        community.submit(b, three, "look");        // a submission: 3 * 0.5
        clock.now = clock.now.plus(Duration.ofHours(6));
        community.upvote(b, one);                  // fresh: weighs 1
        Trending trending = new Trending(community, clock, Duration.ZERO);
        List<Trending.Entry> day = trending.rank(Trending.Window.DAY, 10);
        // one and three tie at 1.5; the tie goes to the paper with more signals (one: two upvotes)
        assertThat(day).extracting(Trending.Entry::id).containsExactly(one, three, two);
        assertThat(day.get(0).score()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(day.get(1).score()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(day.get(2).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(day.get(0).upvotes()).isEqualTo(2);
        assertThat(day.get(2).saves()).isEqualTo(1);
        assertThat(community.signals(one).upvotes()).isEqualTo(2);
        clock.now = clock.now.plus(Duration.ofDays(2));
        assertThat(trending.rank(Trending.Window.DAY, 10)).isEmpty();
        assertThat(trending.rank(Trending.Window.WEEK, 10)).hasSize(3);
        community.undoUpvote(a, one);
        assertThat(community.signals(one).upvotes()).isEqualTo(1);
      }
    }
  }

  @Test
  void signals_of_accounts_younger_than_the_minimum_age_count_only_once_the_account_is_old_enough(@TempDir Path dir) {
    MovableClock clock = new MovableClock();
    try (CatalogueStore store = TestDatabase.catalogue(dir)) {
      store.write(w -> {
        w.put(Paper.builder(new PaperId("2601.00001")).title("Old friends' pick").source("test").build());
        w.put(Paper.builder(new PaperId("2601.00002")).title("Sock puppets' pick").source("test").build());
        return null;
      });
      try (Database db = Database.open(store.url())) {
        CommunityStore community = new CommunityStore(db, clock);
        AccountStore accounts = new AccountStore(db, new PasswordHasher(1024, 1, 1), clock);
        Account old = accounts.signUp("veteran", "password1");
        clock.now = clock.now.plus(Duration.ofDays(2));
        community.upvote(old, new PaperId("2601.00001"));
        for (int i = 0; i < 5; i++) {
          community.upvote(accounts.signUp("puppet" + i, "password1"), new PaperId("2601.00002"));
        }
        Trending trending = new Trending(community, clock, Duration.ofHours(24));
        assertThat(trending.rank(Trending.Window.WEEK, 10)).extracting(Trending.Entry::id).containsExactly(new PaperId("2601.00001"));
        assertThat(new Trending(community, clock, Duration.ZERO).rank(Trending.Window.WEEK, 10)).first()
            .extracting(Trending.Entry::id).as("without the rule the puppets win").isEqualTo(new PaperId("2601.00002"));
        clock.now = clock.now.plus(Duration.ofHours(25));
        assertThat(trending.rank(Trending.Window.WEEK, 10)).extracting(Trending.Entry::id)
            .as("a day later the accounts are old enough").contains(new PaperId("2601.00002"));
      }
    }
  }
}
