package org.paperlens.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.Cadence;
import org.paperlens.digest.DigestPlanner;
import org.paperlens.digest.DigestRun;
import org.paperlens.digest.OutboxSender;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "digest", mixinStandardHelpOptions = true,
    description = {"E-mail digests: run the schedule by hand, subscribe an address.",
        "Mail settings come from the environment: $" + MailSettings.HOST_ENV + ", $" + MailSettings.PORT_ENV
            + ", $" + MailSettings.STARTTLS_ENV + ", $" + MailSettings.USER_ENV + ", $" + MailSettings.PASSWORD_ENV
            + ", $" + MailSettings.FROM_ENV + ", $" + MailSettings.BASE_URL_ENV + "."},
    subcommands = {DigestCommand.Run.class, DigestCommand.Subscribe.class})
final class DigestCommand implements Runnable {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The option's text, shared by serve and digest (harvest has a --base-url of its own: the OAI-PMH endpoint). */
  static final String BASE_URL_HELP = "The site's public URL: every absolute link (mails, feeds, share links, the OpenAPI"
      + " document) starts with it. Default: $" + MailSettings.BASE_URL_ENV + ", else http://HOST:PORT of serve";

  @Option(names = "--base-url", scope = CommandLine.ScopeType.INHERIT, paramLabel = "URL", description = BASE_URL_HELP)
  String baseUrl;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a digest subcommand is required (run, subscribe)");
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Plans the digests that are due and sends the outbox (digests, confirmations, retries).",
          "A run killed at any point can be run again: every due recipient gets exactly one digest."})
  static final class Run implements Callable<Integer> {

    @CommandLine.ParentCommand
    DigestCommand parent;

    @Option(names = "--now", description = "Every active subscription is due now, whatever its schedule.")
    boolean now;

    @Option(names = "--dry-run", description = "Build and render the digests; write and send nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      Main main = parent.main;
      Config config = main.config();
      MailSettings mail = main.mailSettings(parent.baseUrl);
      PrintWriter out = main.spec.commandLine().getOut();
      out.println("digest: " + config.describe() + "; " + mail.describe());
      long start = System.nanoTime();
      try (PaperLens root = main.root(config, mail)) {
        DigestRun.Report r = root.digests().run().run(now, dryRun, line -> {
          out.println(line);
          out.flush();
        });
        DigestPlanner.Report p = r.planned();
        out.printf("due %,d, %s %,d digests (%,d papers), %,d empty and skipped%n", p.due(),
            dryRun ? "built" : "planned", p.planned(), p.papers(), p.empty());
        for (Map.Entry<String, Integer> e : p.unavailable().entrySet()) {
          out.printf("not built %,d: %s%n", e.getValue(), e.getKey());
        }
        OutboxSender.Report s = r.sent();
        if (s != null) {
          out.printf("sent %,d, deferred %,d, failed %,d%s%n", s.sent(), s.deferred(), s.failed(),
              s.serverUnreachable() ? " (mail server unreachable: the rest waits for the next run)" : "");
        } else if (!dryRun) {
          out.println("nothing sent: no SMTP server configured ($" + MailSettings.HOST_ENV + ")");
        }
        out.printf("took %.1f s%s%n", (System.nanoTime() - start) / 1e9, PeakMemory.describe());
        return s != null && s.serverUnreachable() ? Failures.REMOTE : 0;
      }
    }

  }

  @Command(name = "subscribe", mixinStandardHelpOptions = true,
      description = {"Subscribes an address and queues its confirmation mail (sent by the next digest run).",
          "Nothing else is sent before the address confirms; without $" + MailSettings.HOST_ENV + " nothing is sent at all."})
  static final class Subscribe implements Callable<Integer> {

    @CommandLine.ParentCommand
    DigestCommand parent;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS") String email;
    @Option(names = "--user", paramLabel = "USER",
        description = "The account subscribing (needed for every kind but trending and citing-paper).") String user;
    @Option(names = "--kind", defaultValue = "trending", paramLabel = "KIND",
        description = {"trending, search, tag, category, author, or a citation alert: citing-paper, citing-library,",
            "citing-tag, citing-author (default ${DEFAULT-VALUE})."}) String kind;
    @Option(names = "--target", paramLabel = "TEXT",
        description = "The query, tag, category, author (or '#ID NAME' for an author identity) or paper id.") String target;
    @Option(names = "--frequency", defaultValue = "daily", description = "daily or weekly (default ${DEFAULT-VALUE}).") String frequency;
    @Option(names = "--hour", defaultValue = "7", description = "Local hour, 0-23 (default ${DEFAULT-VALUE}).") String hour;
    @Option(names = "--weekday", defaultValue = "monday", description = "Day of weekly digests (default ${DEFAULT-VALUE}).") String weekday;
    @Option(names = "--zone", defaultValue = "UTC", description = "IANA time zone (default ${DEFAULT-VALUE}).") String zone;

    @Override
    public Integer call() {
      Main main = parent.main;
      Config config = main.config();
      MailSettings mail = main.mailSettings(parent.baseUrl);
      Topic topic;
      Cadence cadence;
      try {
        topic = Topic.of(kind, target);
        cadence = Cadence.parse(frequency, hour, weekday, zone);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(main.spec.commandLine(), e.getMessage());
      }
      try (PaperLens root = main.root(config, mail)) {
        Subscriptions.Pending p;
        try {
          p = root.digests().subscriptions().subscribe(email, user, topic, cadence);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(main.spec.commandLine(), e.getMessage());
        }
        PrintWriter out = main.spec.commandLine().getOut();
        out.printf("subscription %d: %s, %s, for %s%n",
            p.subscription().id(), topic.describe(), cadence.describe(), p.subscription().email());
        if (mail.canSend()) {
          out.printf("a confirmation mail to %s is queued: 'paperlens digest run' (or a running serve) sends it through %s%n",
              p.subscription().email(), mail.host());
        } else {
          // The mail waits in the outbox; without this line a person would wait for a mail that cannot come.
          out.printf("no mail server is configured, so the confirmation mail cannot be sent yet: set $%s (and $%s,"
              + " $%s, $%s if the server needs them), then run 'paperlens digest run' or serve%n",
              MailSettings.HOST_ENV, MailSettings.PORT_ENV, MailSettings.USER_ENV, MailSettings.PASSWORD_ENV);
        }
        return 0;
      }
    }
  }
}
