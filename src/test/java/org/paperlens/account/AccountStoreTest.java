package org.paperlens.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.community.Signals;
import org.paperlens.digest.Cadence;
import org.paperlens.digest.Links;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/** The account store on a real database (SQLite, and PostgreSQL on the pom's second run). */
class AccountStoreTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  private Stores s;
  private PaperId paper;

  @BeforeEach
  void open() {
    s = new Stores(tmp, CLOCK);
    paper = s.paper("2607.00001", LocalDate.parse("2026-07-01"), "cs.LG");
  }

  @AfterEach
  void close() {
    if (s != null) {
      s.close();
    }
  }

  @Test
  void a_name_is_taken_once_whatever_its_case_and_logs_in_with_its_password_only() {
    Account ada = s.accounts.signUp("Ada", "correct horse battery");
    assertThatThrownBy(() -> s.accounts.signUp("ada", "another password"))
        .isInstanceOf(AccountException.class).hasMessageContaining("taken");
    assertThat(s.accounts.logIn("Ada", "correct horse battery")).isEqualTo(ada);
    assertThatThrownBy(() -> s.accounts.logIn("Ada", "wrong password!")).isInstanceOf(AccountException.class);
    assertThatThrownBy(() -> s.accounts.logIn("nobody", "correct horse battery")).isInstanceOf(AccountException.class);
    assertThat(s.accounts.byName("ADA")).contains(ada);
  }

  @Test
  void sessions_and_tokens_are_found_by_their_secret_and_end_with_a_password_change() {
    Account ada = s.accounts.signUp("ada", "correct horse battery");
    String kept = s.accounts.newSession(ada);
    String other = s.accounts.newSession(ada);
    String token = s.accounts.newApiToken(ada, "script");
    assertThat(s.accounts.bySession(kept)).contains(ada);
    assertThat(s.accounts.byApiToken(token)).contains(ada);
    assertThat(s.accounts.bySession("not-a-session")).isEmpty();

    s.accounts.changePassword(ada, "a new long password", kept);

    assertThat(s.accounts.bySession(kept)).contains(ada);
    assertThat(s.accounts.bySession(other)).isEmpty();
    assertThat(s.accounts.byApiToken(token)).as("tokens are revoked on the account page").contains(ada);
    String prefix = s.accounts.apiTokens(ada).getFirst().hashPrefix();
    assertThat(s.accounts.revokeApiToken(ada, prefix)).isTrue();
    assertThat(s.accounts.revokeApiToken(ada, prefix)).isFalse();
    assertThat(s.accounts.byApiToken(token)).isEmpty();
  }

  @Test
  void names_and_ages_are_answered_for_other_features_inside_their_transaction() {
    Account ada = s.accounts.signUp("ada", "correct horse battery");
    Account bob = s.accounts.signUp("bob", "correct horse battery");
    var names = s.db.transaction(tx -> AccountStore.names(tx, List.of(ada.id(), bob.id(), ada.id(), 999L)));
    assertThat(names).containsOnly(java.util.Map.entry(ada.id(), "ada"), java.util.Map.entry(bob.id(), "bob"));
    java.util.Map<Long, Instant> ages = s.db.transaction(tx -> AccountStore.createdAt(tx, List.of(ada.id())));
    assertThat(ages).containsEntry(ada.id(), CLOCK.instant());
    java.util.Optional<Long> byName = s.db.transaction(tx -> AccountStore.idByName(tx, "BOB"));
    assertThat(byName).contains(bob.id());
  }

  @Test
  void deleting_an_account_removes_everything_it_made_and_its_share_of_the_totals() {
    Account ada = memberWithEverything("ada");
    Account bob = s.accounts.signUp("bob", "correct horse battery");
    s.community.upvote(bob, paper);

    assertThat(s.accounts.delete(ada)).isTrue();

    assertThat(s.accounts.byName("ada")).isEmpty();
    assertThat(s.community.signals(paper)).isEqualTo(new Signals(1, 0, 0));
    assertThat(s.community.comments().of(paper, 10)).isEmpty();
    assertThat(s.library.list(ada, null)).isEmpty();
    assertThat(s.library.publicCollections(10)).isEmpty();
    assertThat(s.subscriptions.byUser(Long.toString(ada.id()))).isEmpty();
    assertThat(s.community.hasUpvoted(bob, paper)).isTrue();
    assertThat(s.accounts.delete(ada)).as("already gone").isFalse();
  }

  @Test
  void a_failure_part_way_through_a_deletion_leaves_everything_in_place() {
    Account ada = memberWithEverything("ada");
    String session = s.accounts.newSession(ada);
    String feed = new Subscriptions(s.subscriptions, new Links("http://localhost"), CLOCK).newFeedToken(Long.toString(ada.id()));
    // Runs after the library, community and digest parts have deleted their rows in the transaction.
    s.accounts.register((tx, account) -> {
      throw new IllegalStateException("injected failure");
    });

    assertThatThrownBy(() -> s.accounts.delete(ada)).hasMessage("injected failure");

    assertThat(s.accounts.byName("ada")).contains(ada);
    assertThat(s.accounts.bySession(session)).contains(ada);
    assertThat(s.community.signals(paper)).isEqualTo(new Signals(1, 1, 1));
    assertThat(s.community.hasUpvoted(ada, paper)).isTrue();
    assertThat(s.community.comments().of(paper, 10)).hasSize(1);
    assertThat(s.library.find(ada, paper)).get().extracting(e -> e.tags()).isEqualTo(List.of("ml"));
    assertThat(s.library.publicTags(ada)).containsExactly("ml");
    assertThat(s.subscriptions.byUser(Long.toString(ada.id()))).hasSize(1);
    assertThat(new Subscriptions(s.subscriptions, new Links("http://localhost"), CLOCK).feedOwner(feed))
        .contains(Long.toString(ada.id()));
  }

  /** An account with an upvote, a save with a public tag, a submission, a comment and a subscription. */
  private Account memberWithEverything(String name) {
    Account a = s.accounts.signUp(name, "correct horse battery");
    s.community.upvote(a, paper);
    s.library.save(a, paper, List.of("ml"));
    s.library.setPublic(a, "ml", true);
    s.community.submit(a, paper, "worth a read");
    s.community.comments().add(a, paper, "a comment");
    new Subscriptions(s.subscriptions, new Links("http://localhost"), CLOCK).subscribe(name + "@example.org",
        Long.toString(a.id()), new Topic.Category("cs.LG"), new Cadence(Cadence.Frequency.DAILY, 8, DayOfWeek.MONDAY, ZoneOffset.UTC));
    return a;
  }
}
