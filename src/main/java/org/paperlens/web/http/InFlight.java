package org.paperlens.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.paperlens.common.Admission;
import org.paperlens.common.RequestGauge;

/**
 * What a request costs the server, decided once from its method and path, and what follows from it:
 * <ul>
 *   <li>{@link Cost#CHEAP} (static assets, the icon, the status API a monitor or a benchmark polls,
 *       the health checks and the metrics scrape): not counted, and never refused. Each would
 *       otherwise abort a background model batch of up to a second for a reply of a millisecond.
 *   <li>{@link Cost#ORDINARY} (pages and API calls served from caches or the catalogue: paper
 *       pages, daily pages, trending): counted in the server's {@link RequestGauge} from the moment
 *       the server sees it until the servlet context returns, so the background embedder gives way
 *       for exactly that long; never refused.
 *   <li>{@link Cost#EXPENSIVE} (a search with a query, related papers and recommendations through the
 *       API, the member's recommendations, and MCP tool calls): counted too, and computed only when
 *       {@link Admission} gives a turn; beyond its queue the answer is 503 with {@code Retry-After}:
 *       problem+json under /api and /mcp, a small page elsewhere.
 * </ul>
 *
 * <p>A Jetty handler in front of the servlet context, not a servlet filter: a refusal is decided
 * from the request line alone and answered with a pre-built response, so it never reaches the
 * context (no servlet request objects, no session look-up, no filters, no request log line or
 * per-route metric: {@code paperlens_admission_refused_total} counts it), and its connection stays
 * open. A client that asks again the instant it is refused (a script in a loop) can send thousands
 * a second; each must cost next to nothing, or the refusals take the cores from the admitted searches.
 *
 * <p>The context runs the servlet on the calling thread, so the turn is held until the servlet
 * returns. An asynchronous answer (the MCP endpoint's) counts and holds its turn until then too:
 * the SDK blocks the request thread until the tool has answered, so that covers the computation,
 * and a stream held open afterwards holds neither a turn nor the embedder.
 */
public final class InFlight extends Handler.Wrapper {

  /** What a request costs; see the class comment. */
  public enum Cost { CHEAP, ORDINARY, EXPENSIVE }

  /** Seconds a refused client is asked to wait before it asks again. */
  static final int RETRY_AFTER_SECONDS = 1;

  private static final String DETAIL = "The server is answering as many searches as it can; try again in " + RETRY_AFTER_SECONDS + " s.";
  private static final HttpField RETRY_AFTER = new PreEncodedHttpField(HttpHeader.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
  private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
  /** Under /api and /mcp. */
  private static final Refusal PROBLEM = new Refusal(Problems.PROBLEM_JSON, Problems.problem(503, DETAIL, null));
  /** Everywhere else: a person's browser. */
  private static final Refusal PAGE = new Refusal("text/html; charset=utf-8",
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Busy: paperlens</title>"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
          + "<h1>Busy</h1><p>" + DETAIL + "</p><p><a href=\"/\">Today's papers</a> are served as usual.</p></body></html>");

  /** A 503's headers and body, encoded once. */
  private record Refusal(HttpField contentType, HttpField contentLength, ByteBuffer body) {
    Refusal(String contentType, String body) {
      this(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private Refusal(String contentType, byte[] body) {
      this(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType),
          new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length)), ByteBuffer.wrap(body).asReadOnlyBuffer());
    }

    void send(Response response, Callback callback) {
      response.setStatus(503);
      response.getHeaders().put(RETRY_AFTER).put(NO_STORE).put(contentType).put(contentLength);
      response.write(true, body.slice(), callback); // a view of its own: the position is per write
    }
  }

  /** The longest a refusal is held back, whatever wait budget is configured. */
  public static final Duration LONGEST_PACE = Duration.ofSeconds(1);

  private final RequestGauge requests;
  private final Admission admission;
  private final long paceMillis;

  public InFlight(RequestGauge requests, Admission admission) {
    this.requests = requests;
    this.admission = admission;
    Duration budget = admission.limits().maxWait();
    this.paceMillis = (budget.compareTo(LONGEST_PACE) < 0 ? budget : LONGEST_PACE).toMillis();
  }

  /**
   * Sends a refusal after the wait budget, the time the request would have waited had it queued
   * and timed out, but without a thread or a turn: a timer of Jetty's writes it. A client that asks
   * again the instant it is refused (wrk, a script in a loop) otherwise sends thousands of requests
   * a second whose parsing alone takes the cores from the admitted searches (a quiet run at 50
   * connections: 42,623 refusals in 15 s, 437 answers); held back, each connection asks at most once
   * per budget. A person's browser waits a fraction of a second more to be told the server is busy.
   */
  private void refuse(Refusal refusal, Response response, Callback callback) {
    Server server = getServer();
    Scheduler timer = server == null ? null : server.getScheduler();
    if (timer == null || paceMillis == 0) {
      refusal.send(response, callback);
      return;
    }
    timer.schedule(() -> refusal.send(response, callback), paceMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpURI uri = request.getHttpURI();
    String path = uri.getPath();
    Cost cost = path == null ? Cost.ORDINARY : cost(request.getMethod(), path, uri.getQuery());
    if (cost == Cost.CHEAP) {
      return super.handle(request, response, callback);
    }
    requests.begin();
    try {
      if (cost == Cost.ORDINARY) {
        return super.handle(request, response, callback);
      }
      Admission.Permit turn = admission.enter();
      if (turn == null) {
        refuse(path.startsWith("/api/") || path.equals("/mcp") ? PROBLEM : PAGE, response, callback);
        return true;
      }
      try (turn) {
        return super.handle(request, response, callback);
      }
    } finally {
      requests.end();
    }
  }

  /**
   * The cost of a request by its method, path and raw query string (null when none): a search form
   * without a query ({@code q}) is a page like any other. The query string is only looked at, not
   * decoded, so a malformed one is left for the page to answer 400 to.
   */
  static Cost cost(String method, String path, String queryString) {
    if (path.startsWith("/static/") || path.equals("/favicon.ico") || path.equals("/api/v1/status")
        || path.startsWith("/health/") || path.equals("/metrics")) {
      return Cost.CHEAP;
    }
    boolean get = "GET".equals(method) || "HEAD".equals(method);
    if ("POST".equals(method) && path.equals("/mcp")) {
      return Cost.EXPENSIVE; // a tool call (search, related, recommend) or a handshake, which takes no time at all
    }
    if (!get) {
      return Cost.ORDINARY;
    }
    boolean searches = path.equals("/search") || path.equals("/search/feed") || path.equals("/search/export")
        || path.equals("/api/v1/search");
    if (searches) {
      return asksForQuery(queryString) ? Cost.EXPENSIVE : Cost.ORDINARY;
    }
    boolean recommends = path.equals("/recommended") || path.equals("/recommended/feed") || path.equals("/api/v1/recommendations");
    boolean related = path.startsWith("/api/v1/papers/") && path.endsWith("/related");
    return recommends || related ? Cost.EXPENSIVE : Cost.ORDINARY;
  }

  /** Whether the query string has a {@code q} that is not empty. */
  static boolean asksForQuery(String queryString) {
    if (queryString == null) {
      return false;
    }
    for (String part : queryString.split("&")) {
      if (part.startsWith("q=") && part.length() > 2 && !part.substring(2).replace("+", "").replace("%20", "").isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
