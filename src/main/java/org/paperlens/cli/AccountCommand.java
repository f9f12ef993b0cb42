package org.paperlens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.paperlens.account.Role;
import org.paperlens.app.PaperLens;
import org.paperlens.moderation.ModerationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Site staff: who may moderate. Roles are given only here, by whoever runs the server's commands,
 * so no web request can make itself staff; each change is written to the moderation log.
 */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Members' roles: administrators and moderators.",
    subcommands = {AccountCommand.GrantAdmin.class, AccountCommand.GrantModerator.class, AccountCommand.RevokeRole.class,
        AccountCommand.Staff.class})
final class AccountCommand implements Runnable {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "an account subcommand is required (grant-admin, grant-moderator, revoke-role, staff)");
  }

  /** Gives {@code user} {@code role}, printing what changed; an unknown name is a usage error (exit 2). */
  int grant(String user, Role role) {
    PrintWriter out = main.spec.commandLine().getOut();
    try (PaperLens root = main.root(main.config())) {
      Role before = root.moderation().grant(user, role);
      out.println(before == role ? user + " is " + role.label() + " already" : user + ": " + before.label() + " -> " + role.label());
      return 0;
    } catch (ModerationException e) {
      throw new CommandLine.ParameterException(main.spec.commandLine(), e.getMessage());
    }
  }

  /** One role change from the command line; the subcommands differ only in the role they give. */
  abstract static class RoleChange implements Callable<Integer> {
    @CommandLine.ParentCommand
    AccountCommand parent;

    @Parameters(paramLabel = "USER", description = "The member's name.")
    String user;

    abstract Role role();

    @Override
    public Integer call() {
      return parent.grant(user, role());
    }
  }

  @Command(name = "grant-admin", mixinStandardHelpOptions = true,
      description = "Makes USER an administrator: moderates, and reads the moderation log at /moderation/log.")
  static final class GrantAdmin extends RoleChange {
    @Override
    Role role() {
      return Role.ADMIN;
    }
  }

  @Command(name = "grant-moderator", mixinStandardHelpOptions = true,
      description = "Makes USER a moderator: hides comments and submissions, suspends members, works the report queue at /moderation.")
  static final class GrantModerator extends RoleChange {
    @Override
    Role role() {
      return Role.MODERATOR;
    }
  }

  @Command(name = "revoke-role", mixinStandardHelpOptions = true, description = "Makes USER a plain member again.")
  static final class RevokeRole extends RoleChange {
    @Override
    Role role() {
      return Role.MEMBER;
    }
  }

  @Command(name = "staff", mixinStandardHelpOptions = true, description = "Lists the administrators and moderators.")
  static final class Staff implements Callable<Integer> {
    @CommandLine.ParentCommand
    AccountCommand parent;

    @Override
    public Integer call() {
      Main main = parent.main;
      PrintWriter out = main.spec.commandLine().getOut();
      try (PaperLens root = main.root(main.config())) {
        root.accounts().staff().forEach((name, role) -> out.println(role.label() + "\t" + name));
      }
      return 0;
    }
  }
}
