package org.paperlens.ops;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one format of every log line of a server: {@code TIME LEVEL LOGGER - MESSAGE}, e.g.
 * {@code 2026-12-06T23:24:45.123Z INFO paperlens.pipeline - 1,204 papers searchable ...}, the
 * layout SLF4J's simple logger writes with the settings in {@code simplelogger.properties}, so
 * paperlens's own lines, java.util.logging's ({@link OneLineFormatter}) and the libraries' agree
 * and a log shipper needs one pattern. One event is one line: line breaks in a message (a stack
 * trace) become {@code " | "}.
 */
public final class LogLine {

  /** ISO-8601 in UTC with milliseconds, as simplelogger.properties' dateTimeFormat writes it. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  /** The pattern a line matches, for tests and log shippers: time, level, logger, message. */
  public static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile(
      "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(?:Z|[+-]\\d\\d(?::?\\d\\d)?)) (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)$");

  private LogLine() {}

  public static String format(Instant at, String level, String logger, String message) {
    return TIME.format(at) + " " + level + " " + logger + " - " + oneLine(message);
  }

  static String oneLine(String message) {
    return String.valueOf(message).strip().replace("\r\n", "\n").replace("\r", "\n").replace("\n\t", " | ").replace("\n", " | ");
  }

  /**
   * The level of one of paperlens's own progress lines: they are written as sentences, so a line
   * saying that something failed or cannot be done is a warning, the rest information.
   */
  public static String levelOf(String message) {
    String m = String.valueOf(message).toLowerCase(java.util.Locale.ROOT);
    if (m.contains("reachable again")) {
      return "INFO"; // the end of an outage
    }
    return m.contains("failed") || m.contains("cannot") || m.contains("could not") || m.contains("unreachable")
        || m.contains("error") || m.contains("corrupt") ? "WARN" : "INFO";
  }
}
