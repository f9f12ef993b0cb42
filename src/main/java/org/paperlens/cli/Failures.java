package org.paperlens.cli;

import org.paperlens.common.BadInputException;
import org.paperlens.embed.EncoderException;
import org.paperlens.ingest.RemoteSourceException;
import picocli.CommandLine;

/**
 * The one place where failures become messages and exit codes. Expected failures (bad input,
 * an unusable data directory) print one clear line; anything else is a bug and prints its trace.
 * Errors too ({@link #fatal}): no failure leaves with an exit code the usage text does not list.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  static final int BAD_INPUT = 3;
  static final int CATALOGUE = 4;
  static final int REMOTE = 5;
  static final int EMBEDDING = 6;
  static final int INTERNAL = 70;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    var err = cli.getErr();
    int code = switch (e) {
      case BadInputException bad -> say(err, "bad input: " + bad.getMessage(), BAD_INPUT);
      case org.paperlens.index.BadQueryException q -> say(err, "bad query: " + q.getMessage(), BAD_INPUT);
      case org.paperlens.related.UnknownPaperException u -> say(err, u.getMessage(), BAD_INPUT);
      case org.paperlens.index.IndexMissingException m -> say(err, m.getMessage(), CATALOGUE);
      case org.paperlens.index.IndexUnavailableException u -> say(err, u.getMessage(), CATALOGUE);
      case org.paperlens.store.StoreException c -> say(err, "catalogue error: " + c.getMessage(), CATALOGUE);
      case java.io.UncheckedIOException io -> say(err, "I/O error: " + io.getMessage(), CATALOGUE);
      case RemoteSourceException r -> say(err, "remote source failed: " + r.getMessage(), REMOTE);
      case EncoderException enc -> say(err, "embedding error: " + enc.getMessage(), EMBEDDING);
      case java.io.IOException io -> say(err, "I/O error: " + io.getMessage(), BAD_INPUT);
      default -> {
        err.println("paperlens: internal error (please report this):");
        e.printStackTrace(err);
        yield INTERNAL;
      }
    };
    err.flush();
    return code;
  }

  /**
   * A usage error (exit 2). One the parser found (an unknown option, a missing argument) prints the
   * usage of the command it was given to, as picocli does; one a command found while running (an
   * unknown member, a bad --sort value) is a single line naming that command and its --help,
   * since picocli would otherwise print the usage of every command for it.
   */
  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine failed = e.getCommandLine();
    var err = failed.getErr();
    CommandLine.ParseResult parsed = failed.getParseResult();
    if (parsed != null && parsed.hasSubcommand()) { // thrown by a running command, with the root's command line
      CommandLine command = failed;
      for (CommandLine.ParseResult p = parsed; p.hasSubcommand(); p = p.subcommand()) {
        command = p.subcommand().commandSpec().commandLine();
      }
      say(err, command.getCommandName() + ": " + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName()
          + " --help')", 0);
    } else {
      err.println("paperlens: " + e.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
        failed.usage(err, failed.getColorScheme());
      }
    }
    err.flush();
    return failed.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * An {@link Error} thrown by a command: running out of memory gets one line saying what to do;
   * anything else is a bug like any other internal error. Both exit with {@link #INTERNAL}.
   */
  static int fatal(Error e, java.io.PrintWriter err) {
    if (e instanceof OutOfMemoryError) {
      say(err, "out of memory (" + e.getMessage() + "): the input needs a larger heap than this JVM has;"
          + " set PAPERLENS_JAVA_OPTS=-Xmx... and run again", INTERNAL);
    } else {
      err.println("paperlens: internal error (please report this):");
      StackTraceElement[] frames = e.getStackTrace();
      err.println(e);
      // A stack overflow has a thousand identical frames; the first few say where.
      for (int i = 0; i < Math.min(frames.length, 30); i++) {
        err.println("\tat " + frames[i]);
      }
    }
    err.flush();
    return INTERNAL;
  }

  private static int say(java.io.PrintWriter err, String message, int code) {
    err.println("paperlens: " + message);
    return code;
  }
}
