package org.paperlens.ops;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The request log: one line per answered request, {@code METHOD ROUTE STATUS MS ms BYTES B}, e.g.
 * {@code 2026-12-06T23:24:45.123Z INFO paperlens.request - GET /papers/{id} 200 12.4 ms 5321 B}.
 * It names the route template, not the path: paths and query strings can carry secrets (feed and
 * unsubscribe tokens, passwords sent by mistake), and a template never does. Off unless
 * {@code serve --request-log} (or {@code $PAPERLENS_REQUEST_LOG=on}) turns it on.
 */
public final class RequestLog implements Consumer<RequestRecord> {

  public static final String LOGGER = "paperlens.request";

  private final Consumer<String> out;
  private final Clock clock;

  /** @param out where finished lines go (standard output in serve) */
  public RequestLog(Consumer<String> out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public void accept(RequestRecord r) {
    out.accept(LogLine.format(clock.instant(), r.status() >= 500 ? "WARN" : "INFO", LOGGER, describe(r)));
  }

  static String describe(RequestRecord r) {
    return String.format(java.util.Locale.ROOT, "%s %s %d %.1f ms %s", r.method(), r.route(), r.status(), r.millis(),
        r.bytes() < 0 ? "- B" : r.bytes() + " B");
  }
}
