package org.paperlens.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.Account;
import org.paperlens.account.AccountException;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.account.Role;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Trending;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.search.SearchFixture;
import org.paperlens.store.Database;

/**
 * The papers' running totals stay right through moderation: a suspension and a hidden submission
 * take their counts off once, and deleting such an account afterwards takes nothing off twice.
 */
class ModerationCountsTest {

  @TempDir Path tmp;

  @Test
  void counts_and_trending_leave_out_a_suspended_account_and_a_hidden_submission_exactly_once() throws Exception {
    try (CatalogueStore store = SearchFixture.catalogue(tmp.resolve("data")); Database db = Database.open(store.url())) {
      Clock clock = Clock.systemUTC();
      AccountStore accounts = new AccountStore(db, new PasswordHasher(1024, 1, 1), clock);
      CommunityStore community = new CommunityStore(db, clock);
      accounts.register(community);
      Moderation moderation = new Moderation(db, accounts, community, clock);
      Trending trending = new Trending(community, clock, Duration.ZERO);
      PaperId paper = new PaperId("2401.00101");
      Account a = accounts.signUp("alice", "alice's long password");
      Account b = accounts.signUp("bob", "bob's long password");
      Account mod = accounts.signUp("mod", "mod's long password");
      moderation.grant("mod", Role.MODERATOR);
      community.upvote(a, paper);
      community.upvote(b, paper);
      community.submit(a, paper, "look");
      community.submit(b, paper, "me too");
      assertThat(community.signals(paper).upvotes()).isEqualTo(2);

      moderation.setSubmissionHidden(mod, paper, "bob", true, "spam");
      moderation.setSuspended(mod, "alice", true, "vote ring");
      assertThat(community.signals(paper).upvotes()).isEqualTo(1);
      assertThat(community.signals(paper).submissions()).isZero();
      assertThat(trending.rank(Trending.Window.DAY, 10).getFirst().upvotes()).isEqualTo(1);
      assertThat(trending.rank(Trending.Window.DAY, 10).getFirst().submissions()).isZero();
      assertThatThrownBy(() -> accounts.logIn("alice", "alice's long password")).isInstanceOf(AccountException.class)
          .hasMessageContaining("suspended");

      assertThat(accounts.delete(a)).isTrue();
      assertThat(community.signals(paper).upvotes()).as("alice's vote was taken off once, by the suspension").isEqualTo(1);
      assertThat(accounts.delete(b)).isTrue();
      assertThat(community.signals(paper).upvotes()).isZero();
      assertThat(community.signals(paper).submissions()).as("bob's hidden submission was taken off once").isZero();
    }
  }
}
