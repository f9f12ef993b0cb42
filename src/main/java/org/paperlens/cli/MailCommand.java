package org.paperlens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.paperlens.backup.MailHold;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "mail", mixinStandardHelpOptions = true,
    description = {"Hold or resume the mail of the data directory (--data).",
        "While held, serve and `digest run` send nothing whatever the SMTP settings say (digests still queue,",
        "and go out once resumed).",
        "`paperlens restore` leaves mail held. Actions: status (default), hold, resume."})
final class MailCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @Parameters(paramLabel = "ACTION", defaultValue = "status", description = "status, hold or resume (default ${DEFAULT-VALUE}).")
  String action;

  @Override
  public Integer call() {
    MailHold hold = MailHold.of(main.config().dataDir());
    PrintWriter out = main.spec.commandLine().getOut();
    switch (action) {
      case "status" -> out.println(hold.held() ? "mail is held: " + hold.reason() : "mail is not held");
      case "hold" -> {
        hold.hold("held by paperlens mail hold at " + java.time.Instant.now());
        out.println("mail is held: serve and digest run send nothing until `paperlens mail resume` (a running serve: restart it)");
      }
      case "resume" -> out.println(hold.resume()
          ? "mail resumed: serve sends mail once restarted; digest run sends at once"
          : "mail was not held");
      default -> throw new CommandLine.ParameterException(main.spec.commandLine(),
          "mail takes status, hold or resume, was '" + action + "'");
    }
    out.flush();
    return 0;
  }
}
