package org.paperlens.web.http;

/**
 * A request that cannot be served as asked, with the status and a message for the person
 * (RFC 9457 "detail"). Thrown by handlers; {@link Problems} turns it into the response.
 */
public final class HttpProblem extends RuntimeException {

  /** The challenge of every 401 under /api (RFC 6750 section 3): scripts authenticate with a bearer token. */
  public static final String BEARER_CHALLENGE = "Bearer realm=\"paperlens\"";

  private final int status;
  private final String retryAfterSeconds;
  private final String challenge;

  public HttpProblem(int status, String detail) {
    this(status, detail, null);
  }

  public HttpProblem(int status, String detail, String retryAfterSeconds) {
    this(status, detail, retryAfterSeconds, null);
  }

  private HttpProblem(int status, String detail, String retryAfterSeconds, String challenge) {
    super(detail);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.challenge = challenge;
  }

  /** The {@code WWW-Authenticate} value of a 401, or null for the plain {@link #BEARER_CHALLENGE}. */
  public String challenge() {
    return challenge;
  }

  public int status() {
    return status;
  }

  public String retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static HttpProblem badRequest(String detail) {
    return new HttpProblem(400, detail);
  }

  public static HttpProblem notFound(String detail) {
    return new HttpProblem(404, detail);
  }

  /** A bearer token that names no live API token: 401 with RFC 6750's {@code invalid_token} error. */
  public static HttpProblem invalidToken() {
    String detail = "the API token is not valid (revoked or mistyped)";
    return new HttpProblem(401, detail, null,
        BEARER_CHALLENGE + ", error=\"invalid_token\", error_description=\"" + detail + "\"");
  }

  public static HttpProblem unauthorized() {
    return new HttpProblem(401, "log in first (a session cookie, or an API token as 'Authorization: Bearer TOKEN')");
  }

  /** 429 with Retry-After: {@code what} (e.g. "too many failed log-ins") and when to try again. */
  public static HttpProblem tooMany(String what, java.time.Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
    String when = seconds < 120 ? seconds + " s" : (seconds + 59) / 60 + " min";
    return new HttpProblem(429, what + "; try again in " + when, Long.toString(seconds));
  }

  public static HttpProblem forbidden(String detail) {
    return new HttpProblem(403, detail);
  }
}
