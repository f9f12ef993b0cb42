package org.paperlens.ops;

import java.util.function.Consumer;

/**
 * How a server shows itself to its operators.
 *
 * @param metricsToken the bearer token {@code /metrics} asks for; null leaves {@code /metrics} unserved (404),
 *     so no deployment publishes its internals by accident (behind a proxy on the same host every
 *     request comes from 127.0.0.1, so a loopback rule would let the world in)
 * @param requestLog whether to write one {@link RequestLog} line per request
 * @param logOut where the request log's lines go
 */
public record Operations(String metricsToken, boolean requestLog, Consumer<String> logOut) {

  public static final String METRICS_TOKEN_ENV = "PAPERLENS_METRICS_TOKEN";
  public static final String REQUEST_LOG_ENV = "PAPERLENS_REQUEST_LOG";

  /** No metrics endpoint and no request log: what tests and the batch commands get. */
  public static final Operations NONE = new Operations(null, false, line -> {});

  public Operations {
    if (metricsToken != null && metricsToken.strip().length() < 16) {
      throw new IllegalArgumentException("the metrics token must have at least 16 characters, had " + metricsToken.strip().length());
    }
    metricsToken = metricsToken == null ? null : metricsToken.strip();
  }

  /** Whether {@code value} of an environment variable turns a switch on (on/true/1) or off (off/false/0/unset). */
  public static boolean isOn(String name, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true", "1", "yes" -> true;
      case "off", "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException("$" + name + " must be on or off, was '" + value + "'");
    };
  }
}
