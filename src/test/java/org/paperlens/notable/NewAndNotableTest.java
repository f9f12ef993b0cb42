package org.paperlens.notable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Trending;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.search.CitationCounts;
import org.paperlens.store.Database;
import org.paperlens.testing.TestDatabase;

/**
 * New and notable on an archived catalogue (its newest listing day is weeks before today) with a
 * real community store: never empty while there are papers, each paper saying why it is there, and
 * trending taking over once enough members vote.
 */
class NewAndNotableTest {

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-08-01T12:00:00Z");
    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  static final LocalDate NEWEST = LocalDate.parse("2026-07-01");
  static final PaperId NEWEST_WITH_CODE = new PaperId("2607.00001");
  static final PaperId NEWEST_PLAIN = new PaperId("2607.00002");
  static final PaperId DAY_BEFORE_WITH_CODE = new PaperId("2606.00003");
  static final PaperId WEEKS_OLD = new PaperId("2606.00004");
  static final PaperId CITED = new PaperId("2606.00005");

  @TempDir Path dir;
  final MovableClock clock = new MovableClock();
  CatalogueStore store;
  Database db;
  CommunityStore community;
  LibraryStore library;
  AccountStore accounts;
  Map<PaperId, Integer> counts = Map.of();

  @BeforeEach
  void open() {
    store = TestDatabase.catalogue(dir);
    store.write(w -> {
      w.put(paper(NEWEST_WITH_CODE, NEWEST, "Code at https://github.com/example/newest."));
      w.put(paper(NEWEST_PLAIN, NEWEST, "No code here."));
      w.put(paper(DAY_BEFORE_WITH_CODE, NEWEST.minusDays(1), "Code at https://github.com/example/before."));
      w.put(paper(WEEKS_OLD, NEWEST.minusDays(20), "An older paper."));
      w.put(paper(CITED, NEWEST.minusDays(2), "A cited paper."));
      return null;
    });
    db = Database.open(store.url());
    community = new CommunityStore(db, clock);
    library = new LibraryStore(db, community, clock);
    accounts = new AccountStore(db, new PasswordHasher(1024, 1, 1), clock);
  }

  @AfterEach
  void close() {
    db.close();
    store.close();
  }

  private static Paper paper(PaperId id, LocalDate listed, String abstractText) {
    return Paper.builder(id).title("Paper " + id.value()).abstractText(abstractText).firstListed(listed).source("test").build();
  }

  private TrendingOrNotable lists(Duration minAccountAge, int minVoters) {
    CitationCounts citations = new CitationCounts() {
      @Override public Map<PaperId, Integer> of(Collection<PaperId> papers) {
        return counts;
      }

      @Override public long generation() {
        return 0;
      }
    };
    return new TrendingOrNotable(new Trending(community, clock, minAccountAge),
        new NewAndNotable(store, community, citations, clock), minVoters);
  }

  @Test
  void a_fresh_site_shows_the_newest_listing_with_code_first_and_says_why() {
    TrendingOrNotable.Shown shown = lists(Duration.ofHours(24), 20).rank(Trending.Window.WEEK, 10);
    assertThat(shown).isInstanceOf(TrendingOrNotable.Shown.NewAndNotable.class);
    List<Notable> list = ((TrendingOrNotable.Shown.NewAndNotable) shown).entries();
    // The week runs back from the newest listing day (2026-07-01), not from today (2026-08-01).
    // Code (1) outweighs a day of recency in the week (2 x 0.5^(1 / 1.5) = 1.26 against 2).
    assertThat(list).extracting(Notable::id).containsExactly(NEWEST_WITH_CODE, DAY_BEFORE_WITH_CODE, NEWEST_PLAIN, CITED);
    assertThat(list.getFirst().reasons()).containsExactly("in the newest listing (2026-07-01)", "has code");
    assertThat(list.getFirst().score()).isEqualTo(3.0);
    assertThat(list.get(1).reasons()).containsExactly("listed 2026-06-30", "has code");
    assertThat(list.get(2).reasons()).containsExactly("in the newest listing (2026-07-01)");
    assertThat(shown.voters()).isZero();
    assertThat(shown.minVoters()).isEqualTo(20);
  }

  @Test
  void what_new_members_do_counts_here_with_its_reason_though_trending_ignores_it() {
    Account fresh = accounts.signUp("fresh", "password1");
    library.save(fresh, WEEKS_OLD, List.of());
    Account other = accounts.signUp("other", "password1");
    library.save(other, WEEKS_OLD, List.of());
    library.save(accounts.signUp("third", "password1"), WEEKS_OLD, List.of());
    community.upvote(fresh, NEWEST_PLAIN);
    community.comments().add(other, NEWEST_PLAIN, "Nice result.");
    TrendingOrNotable lists = lists(Duration.ofHours(24), 20);
    assertThat(lists.trending().rank(Trending.Window.WEEK, 10)).isEmpty();
    List<Notable> list = ((TrendingOrNotable.Shown.NewAndNotable) lists.rank(Trending.Window.WEEK, 10)).entries();
    // Three saves (6 points) lift a paper from weeks before the window; an upvote and a comment (2) pass code (1).
    assertThat(list).extracting(Notable::id).startsWith(WEEKS_OLD, NEWEST_PLAIN, NEWEST_WITH_CODE);
    assertThat(list.getFirst().reasons()).containsExactly("saved by 3 members");
    assertThat(list.get(1).reasons()).containsExactly("in the newest listing (2026-07-01)", "upvoted by 1 member", "discussed by 1 member");
  }

  @Test
  void citation_counts_lift_a_paper_and_say_so() {
    counts = Map.of(CITED, 999);
    List<Notable> list = ((TrendingOrNotable.Shown.NewAndNotable) lists(Duration.ZERO, 20).rank(Trending.Window.WEEK, 10)).entries();
    assertThat(list.getFirst().id()).isEqualTo(CITED);
    assertThat(list.getFirst().reasons()).contains("cited by 999");
    assertThat(list.getFirst().citations()).isEqualTo(999);
  }

  @Test
  void a_paper_listed_today_is_new_today() {
    clock.now = Instant.parse("2026-07-01T20:00:00Z");
    List<Notable> list = ((TrendingOrNotable.Shown.NewAndNotable) lists(Duration.ZERO, 20).rank(Trending.Window.DAY, 10)).entries();
    assertThat(list).extracting(Notable::id).containsExactly(NEWEST_WITH_CODE, NEWEST_PLAIN);
    assertThat(list.getFirst().reasons()).containsExactly("new today", "has code");
  }

  @Test
  void trending_takes_over_exactly_at_the_minimum_number_of_voters() {
    TrendingOrNotable lists = lists(Duration.ZERO, 3);
    community.upvote(accounts.signUp("ann", "password1"), WEEKS_OLD);
    community.submit(accounts.signUp("ben", "password1"), WEEKS_OLD, "read this");
    assertThat(lists.rank(Trending.Window.WEEK, 10)).isInstanceOf(TrendingOrNotable.Shown.NewAndNotable.class)
        .extracting(TrendingOrNotable.Shown::voters).isEqualTo(2);
    library.save(accounts.signUp("cyd", "password1"), CITED, List.of());
    TrendingOrNotable.Shown shown = lists.rank(Trending.Window.WEEK, 10);
    assertThat(shown).isInstanceOf(TrendingOrNotable.Shown.ByVotes.class);
    assertThat(((TrendingOrNotable.Shown.ByVotes) shown).entries()).extracting(Trending.Entry::id).containsExactly(WEEKS_OLD, CITED);
    assertThat(shown.voters()).isEqualTo(3);
  }

  @Test
  void voters_are_counted_in_the_window_and_only_once_their_accounts_are_old_enough() {
    TrendingOrNotable lists = lists(Duration.ofHours(24), 1);
    community.upvote(accounts.signUp("ann", "password1"), WEEKS_OLD);
    assertThat(lists.rank(Trending.Window.WEEK, 10)).isInstanceOf(TrendingOrNotable.Shown.NewAndNotable.class);
    clock.now = clock.now.plus(Duration.ofHours(25));
    assertThat(lists.rank(Trending.Window.DAY, 10)).isInstanceOf(TrendingOrNotable.Shown.NewAndNotable.class);
    assertThat(lists.rank(Trending.Window.WEEK, 10)).isInstanceOf(TrendingOrNotable.Shown.ByVotes.class);
  }
}
