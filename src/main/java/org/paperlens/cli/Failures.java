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
    int code;
    if (e instanceof BadInputException bad) {
      err.println("paperlens: bad input: " + bad.getMessage());
      code = BAD_INPUT;
    } else if (e instanceof org.paperlens.index.BadQueryException q) {
      err.println("paperlens: bad query: " + q.getMessage());
      code = BAD_INPUT;
    } else if (e instanceof org.paperlens.index.IndexMissingException m) {
      err.println("paperlens: " + m.getMessage());
      code = CATALOGUE;
    } else if (e instanceof CatalogueException c) {
      err.println("paperlens: catalogue error: " + c.getMessage());
      code = CATALOGUE;
    } else if (e instanceof RemoteSourceException r) {
      err.println("paperlens: remote source failed: " + r.getMessage());
      code = REMOTE;
    } else if (e instanceof RemoteSourceFailure r) {
      err.println("paperlens: " + r.getMessage());
      code = REMOTE;
    } else if (e instanceof EncoderException enc) {
      err.println("paperlens: embedding error: " + enc.getMessage());
      code = EMBEDDING;
    } else if (e instanceof java.io.IOException io) {
      err.println("paperlens: I/O error: " + io.getMessage());
      code = BAD_INPUT;
    } else {
      err.println("paperlens: internal error (please report this):");
      e.printStackTrace(err);
      code = INTERNAL;
    }
    err.flush();
    return code;
  }

  /** Marker for failures of a remote source, raised by commands that talk to one. */
  static final class RemoteSourceFailure extends RuntimeException {
    RemoteSourceFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
