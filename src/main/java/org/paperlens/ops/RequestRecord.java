package org.paperlens.ops;

/**
 * One answered HTTP request, as the request log and the metrics see it.
 *
 * @param method GET, POST, ...
 * @param route the route template that answered ({@code /papers/{id}}), never the raw path, so a
 *     token in a path or a query string never reaches a log or a metric, and the number of series stays bounded
 * @param status the HTTP status sent
 * @param nanos time from the servlet receiving the request to its handler returning
 * @param bytes body bytes written (after compression), or -1 when unknown (a stream handed off)
 */
public record RequestRecord(String method, String route, int status, long nanos, long bytes) {

  /** {@code 2xx}, {@code 4xx}, ...: what the metrics label requests with. */
  public String statusClass() {
    return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
  }

  public double millis() {
    return nanos / 1e6;
  }
}
