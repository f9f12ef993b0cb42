package org.paperlens.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Every log line of a server has a time, a level and a logger, and one event is one line (issue 21: no timestamps or levels). */
class LogLineTest {

  @Test
  void a_line_has_a_utc_time_a_level_a_logger_and_the_message() {
    String line = LogLine.format(Instant.parse("2026-12-06T23:24:45.123Z"), "INFO", "paperlens", "serving at http://127.0.0.1:8080/");
    assertThat(line).isEqualTo("2026-12-06T23:24:45.123Z INFO paperlens - serving at http://127.0.0.1:8080/");
    Matcher m = LogLine.PATTERN.matcher(line);
    assertThat(m.matches()).isTrue();
    assertThat(m.group(2)).isEqualTo("INFO");
    assertThat(m.group(3)).isEqualTo("paperlens");
  }

  @Test
  void a_message_with_line_breaks_stays_one_line() {
    String line = LogLine.format(Instant.EPOCH, "WARN", "x", "first\nsecond\r\n\tat a.B(B.java:1)");
    assertThat(line).doesNotContain("\n", "\r").endsWith("first | second | at a.B(B.java:1)");
  }

  @Test
  void progress_lines_saying_something_failed_are_warnings() {
    assertThat(LogLine.levelOf("pipeline-index failed (tried again shortly): java.io.IOException")).isEqualTo("WARN");
    assertThat(LogLine.levelOf("1,204 papers searchable by keyword")).isEqualTo("INFO");
    assertThat(LogLine.levelOf("OpenAlex unreachable since 2026-12-06T10:00:00Z (HTTP 503)")).isEqualTo("WARN");
    assertThat(LogLine.levelOf("OpenAlex reachable again after 12 min (unreachable since 2026-12-06T10:00:00Z)")).isEqualTo("INFO");
  }

  @Test
  void java_util_logging_writes_the_same_format_with_slf4j_level_names_and_the_stack_trace_on_the_line() {
    LogRecord r = new LogRecord(Level.WARNING, "could not refresh {0}");
    r.setParameters(new Object[] {"the graph"});
    r.setLoggerName("org.paperlens.citation.graph.CachedGraph");
    r.setInstant(Instant.parse("2026-12-06T00:00:00Z"));
    r.setThrown(new IllegalStateException("boom"));
    String out = new OneLineFormatter().format(r);
    assertThat(out).endsWith(System.lineSeparator());
    String line = out.strip();
    assertThat(line.lines().count()).isEqualTo(1);
    Matcher m = LogLine.PATTERN.matcher(line);
    assertThat(m.matches()).as(line).isTrue();
    assertThat(m.group(2)).isEqualTo("WARN");
    assertThat(m.group(3)).isEqualTo("org.paperlens.citation.graph.CachedGraph");
    assertThat(m.group(4)).startsWith("could not refresh the graph | java.lang.IllegalStateException: boom | at ");
    assertThat(OneLineFormatter.level(Level.SEVERE)).isEqualTo("ERROR");
    assertThat(OneLineFormatter.level(Level.FINE)).isEqualTo("DEBUG");
  }

  @Test
  void slf4j_simple_is_configured_for_the_same_layout() throws Exception {
    var props = new java.util.Properties();
    try (var in = getClass().getResourceAsStream("/simplelogger.properties")) {
      props.load(in);
    }
    assertThat(props).containsEntry("org.slf4j.simpleLogger.showDateTime", "true")
        .containsEntry("org.slf4j.simpleLogger.showThreadName", "false")
        .containsEntry("org.slf4j.simpleLogger.showLogName", "true")
        .containsEntry("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
    // What SLF4J's simple logger writes with these settings: date, level, logger, " - ", message.
    String sample = new java.text.SimpleDateFormat(props.getProperty("org.slf4j.simpleLogger.dateTimeFormat"))
        .format(new java.util.Date()) + " WARN org.flywaydb.core.Flyway - something";
    assertThat(LogLine.PATTERN.matcher(sample).matches()).as(sample).isTrue();
  }

  @Test
  void a_request_line_names_method_route_status_time_and_bytes() {
    java.util.List<String> out = new java.util.ArrayList<>();
    new RequestLog(out::add, java.time.Clock.systemUTC()).accept(new RequestRecord("GET", "/papers/{id}", 200, 12_400_000, 5321));
    new RequestLog(out::add, java.time.Clock.systemUTC()).accept(new RequestRecord("POST", "/mcp", 503, 1_000_000, -1));
    assertThat(out.get(0)).endsWith("INFO paperlens.request - GET /papers/{id} 200 12.4 ms 5321 B");
    assertThat(out.get(1)).endsWith("WARN paperlens.request - POST /mcp 503 1.0 ms - B");
  }
}
