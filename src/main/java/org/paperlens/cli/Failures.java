package org.paperlens.cli;

import org.paperlens.embed.EncoderException;
import org.paperlens.ingest.BadInputException;
import org.paperlens.ingest.RemoteSourceException;
import org.paperlens.paper.CatalogueException;
import picocli.CommandLine;

/**
 * The one place where failures become messages and exit codes. Expected failures (bad input,
 * an unusable data directory) print one clear line; anything else is a bug and prints its trace.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

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
      case CatalogueException c -> say(err, "catalogue error: " + c.getMessage(), CATALOGUE);
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

  private static int say(java.io.PrintWriter err, String message, int code) {
    err.println("paperlens: " + message);
    return code;
  }
}
