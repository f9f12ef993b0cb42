package org.paperlens.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * java.util.logging in the format of {@link LogLine}, so a warning from paperlens's own classes
 * (which log through JUL) reads like one from a library logging through SLF4J. Levels map onto
 * SLF4J's names: SEVERE is ERROR, WARNING is WARN, CONFIG and FINE are DEBUG, below is TRACE.
 */
public final class OneLineFormatter extends Formatter {

  @Override
  public String format(LogRecord r) {
    String message = formatMessage(r);
    if (r.getThrown() != null) {
      StringWriter trace = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(trace));
      message = message + " | " + trace;
    }
    return LogLine.format(r.getInstant() != null ? r.getInstant() : Instant.now(), level(r.getLevel()),
        r.getLoggerName() == null ? "jul" : r.getLoggerName(), message) + System.lineSeparator();
  }

  static String level(Level level) {
    int v = level.intValue();
    return v >= Level.SEVERE.intValue() ? "ERROR" : v >= Level.WARNING.intValue() ? "WARN"
        : v >= Level.INFO.intValue() ? "INFO" : v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
  }

  /** Replaces the root logger's handlers with one on standard error in this format. */
  public static void install() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ConsoleHandler console = new ConsoleHandler();
    console.setFormatter(new OneLineFormatter());
    console.setLevel(Level.INFO);
    root.addHandler(console);
    root.setLevel(Level.INFO);
  }
}
