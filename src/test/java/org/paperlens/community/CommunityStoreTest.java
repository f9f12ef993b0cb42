package org.paperlens.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.Account;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/** The community and comment stores on a real database (SQLite, and PostgreSQL on the pom's second run). */
class CommunityStoreTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  private Stores s;
  private PaperId a;
  private PaperId b;

  @BeforeEach
  void open() {
    s = new Stores(tmp, CLOCK);
    a = s.paper("2607.00001", LocalDate.parse("2026-07-01"), "cs.LG");
    b = s.paper("2607.00002", LocalDate.parse("2026-07-01"), "cs.CL");
  }

  @AfterEach
  void close() {
    if (s != null) {
      s.close();
    }
  }

  @Test
  void an_upvote_counts_once_and_undoing_it_takes_it_back() {
    Account ada = s.accounts.signUp("ada", "correct horse battery");
    long before = s.community.generation();
    assertThat(s.community.upvote(ada, a)).isTrue();
    assertThat(s.community.upvote(ada, a)).as("again").isFalse();
    assertThat(s.community.signals(a)).isEqualTo(new Signals(1, 0, 0));
    assertThat(s.community.upvotedAmong(ada, List.of(a, b))).containsExactly(a);
    assertThat(s.community.generation()).isGreaterThan(before);
    assertThat(s.community.undoUpvote(ada, a)).isTrue();
    assertThat(s.community.undoUpvote(ada, a)).isFalse();
    assertThat(s.community.signals(a)).isEqualTo(new Signals(0, 0, 0));
    assertThat(s.community.signals(b)).isEqualTo(Signals.NONE);
  }

  @Test
  void concurrent_upvotes_of_many_members_are_all_counted() throws Exception {
    List<Account> members = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      members.add(s.accounts.signUp("member" + i, "correct horse battery"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> votes = new ArrayList<>();
      for (Account m : members) {
        votes.add(pool.submit(() -> s.community.upvote(m, a)));
        votes.add(pool.submit(() -> s.community.upvote(m, a)));
      }
      long added = 0;
      for (Future<Boolean> v : votes) {
        added += v.get() ? 1 : 0;
      }
      assertThat(added).isEqualTo(8);
    } finally {
      pool.shutdown();
    }
    assertThat(s.community.signals(a).upvotes()).isEqualTo(8);
  }

  @Test
  void submissions_come_newest_first_with_their_members_names() {
    Account ada = s.accounts.signUp("ada", "correct horse battery");
    Account bob = s.accounts.signUp("bob", "correct horse battery");
    assertThat(s.community.submit(ada, a, "first")).isTrue();
    assertThat(s.community.submit(ada, a, "again")).isFalse();
    new CommunityStore(s.db, Clock.offset(CLOCK, java.time.Duration.ofMinutes(1))).submit(bob, b, null);
    assertThat(s.community.recentSubmissions(10)).extracting(Submission::paperId, Submission::submitter)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(b, "bob"), org.assertj.core.groups.Tuple.tuple(a, "ada"));
    assertThat(s.community.submissions(a, 10)).singleElement().extracting(Submission::comment).isEqualTo("first");
    assertThat(s.community.signals(a).submissions()).isEqualTo(1);
  }

  @Test
  void listing_signals_hold_upvotes_and_interest_and_change_with_the_generation() {
    Account ada = s.accounts.signUp("ada", "correct horse battery");
    var none = s.community.listingSignals();
    assertThat(none.upvotes()).isEmpty();
    s.community.upvote(ada, a);
    s.library.save(ada, b, List.of());
    var after = s.community.listingSignals();
    assertThat(after).isNotSameAs(none);
    assertThat(after.upvotes()).containsOnly(java.util.Map.entry(a, 1));
    assertThat(after.interest()).containsOnly(java.util.Map.entry(a, 1), java.util.Map.entry(b, 1));
    assertThat(s.community.listingSignals()).as("nothing changed: the same snapshot").isSameAs(after);
  }

  @Test
  void trending_signals_include_saves_with_the_account_age() {
    Account ada = s.accounts.signUp("ada", "correct horse battery");
    s.community.upvote(ada, a);
    s.library.save(ada, b, List.of());
    s.community.submit(ada, b, null);
    assertThat(s.community.signalsSince(CLOCK.instant().minusSeconds(1)))
        .extracting(Signal::paperId, Signal::kind, Signal::accountCreated)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a, Signal.Kind.UPVOTE, CLOCK.instant()),
            org.assertj.core.groups.Tuple.tuple(b, Signal.Kind.SAVE, CLOCK.instant()),
            org.assertj.core.groups.Tuple.tuple(b, Signal.Kind.SUBMISSION, CLOCK.instant()));
    assertThat(s.community.signalsSince(CLOCK.instant().plusSeconds(1))).isEmpty();
  }

  @Test
  void only_its_author_edits_or_deletes_a_comment_and_readers_hear_of_comments_on_their_papers() {
    Account ada = s.accounts.signUp("ada", "correct horse battery");
    Account bob = s.accounts.signUp("bob", "correct horse battery");
    s.library.save(ada, a, List.of());
    CommentStore comments = s.community.comments();
    Comment c = comments.add(bob, a, "  a thought  ");
    assertThat(c.body()).isEqualTo("a thought");
    assertThat(comments.edit(ada, c.id(), "hijacked")).isEmpty();
    assertThat(comments.delete(ada, c.id())).isFalse();
    assertThat(comments.edit(bob, c.id(), "a better thought")).get().extracting(Comment::body).isEqualTo("a better thought");
    comments.add(ada, a, "own comments are not news");
    assertThat(comments.onPapersOf(ada.id(), CLOCK.instant().minusSeconds(1), 10)).extracting(Comment::author)
        .containsExactly("bob");
    assertThat(comments.of(a, 10)).extracting(Comment::author).containsExactly("bob", "ada");
    assertThat(comments.delete(bob, c.id())).isTrue();
    assertThat(comments.find(c.id())).isEmpty();
  }
}
