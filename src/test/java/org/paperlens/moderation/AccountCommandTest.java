package org.paperlens.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.account.Role;
import org.paperlens.community.CommunityStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.store.Database;
import org.paperlens.testing.Cli;
import org.paperlens.testing.TestDatabase;

/** {@code paperlens account grant-admin / grant-moderator / revoke-role / staff}: roles come from the command line, and each lands in the log. */
class AccountCommandTest {

  @TempDir Path tmp;

  @Test
  void the_command_line_grants_and_revokes_roles_and_the_log_says_so() {
    Path data = tmp.resolve("data");
    try (CatalogueStore store = TestDatabase.catalogue(data); Database db = Database.open(store.url())) {
      new AccountStore(db, new PasswordHasher(1024, 1, 1), Clock.systemUTC()).signUp("ann", "ann's long password");
    }
    Cli.Result grant = Cli.run("account", "grant-admin", "ann", "--data", data.toString());
    assertThat(grant.code()).as(grant.err()).isZero();
    assertThat(grant.out()).contains("ann: member -> admin");
    assertThat(Cli.run("account", "staff", "--data", data.toString()).out()).contains("admin\tann");
    Cli.Result unknown = Cli.run("account", "grant-moderator", "nobody", "--data", data.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no member named 'nobody'");
    assertThat(Cli.run("account", "revoke-role", "ann", "--data", data.toString()).code()).isZero();

    try (CatalogueStore store = TestDatabase.catalogue(data); Database db = Database.open(store.url())) {
      Clock clock = Clock.systemUTC();
      AccountStore accounts = new AccountStore(db, new PasswordHasher(1024, 1, 1), clock);
      var ann = accounts.byName("ann").orElseThrow();
      assertThat(accounts.role(ann)).isEqualTo(Role.MEMBER);
      Moderation moderation = new Moderation(db, accounts, new CommunityStore(db, clock), clock);
      moderation.grant("ann", Role.ADMIN);
      assertThat(moderation.log(ann, 10, 0)).extracting(e -> e.actor() + " " + e.action().label() + " " + e.target())
          .containsExactly("command line grant-admin account ann", "command line revoke-role account ann",
              "command line grant-admin account ann");
    }
  }
}
