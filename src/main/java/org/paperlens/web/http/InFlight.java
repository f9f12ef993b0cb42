package org.paperlens.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 *       the servlet sees it until its handler returns, so the background embedder gives way for
 *       exactly that long; never refused.
 *   <li>{@link Cost#EXPENSIVE} (a search with a query, related papers and recommendations through the
 *       API, the member's recommendations, and MCP tool calls): counted too, and computed only when
 *       {@link Admission} gives a turn; beyond its queue the answer is 503 with {@code Retry-After}:
 *       problem+json under /api and /mcp, a small page elsewhere.
 * </ul>
 * An asynchronous answer (the MCP endpoint's) counts and holds its turn until the servlet returns:
 * the SDK blocks the request thread until the tool has answered, so that covers the computation.
 */
public final class InFlight implements Filter {

  /** What a request costs; see the class comment. */
  public enum Cost { CHEAP, ORDINARY, EXPENSIVE }

  /** Seconds a refused client is asked to wait before it asks again. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final RequestGauge requests;
  private final Admission admission;

  public InFlight(RequestGauge requests, Admission admission) {
    this.requests = requests;
    this.admission = admission;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse res)) {
      chain.doFilter(request, response);
      return;
    }
    Cost cost = cost(http.getMethod(), http.getRequestURI(), http.getQueryString());
    if (cost == Cost.CHEAP) {
      chain.doFilter(request, response);
      return;
    }
    requests.begin();
    try {
      if (cost == Cost.ORDINARY) {
        chain.doFilter(request, response);
        return;
      }
      try (Admission.Permit turn = admission.enter()) {
        if (turn == null) {
          refuse(http, res);
          return;
        }
        chain.doFilter(request, response);
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

  private static void refuse(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getRequestURI();
    res.setStatus(503);
    res.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    res.setHeader("Cache-Control", "no-store");
    String detail = "The server is answering as many searches as it can; try again in " + RETRY_AFTER_SECONDS + " s.";
    byte[] body;
    if (path.startsWith("/api/") || path.equals("/mcp")) {
      res.setContentType(Problems.PROBLEM_JSON);
      body = Problems.problem(503, detail, path).getBytes(StandardCharsets.UTF_8);
    } else {
      res.setContentType("text/html; charset=utf-8");
      body = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Busy: paperlens</title>"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
          + "<h1>Busy</h1><p>" + detail + "</p><p><a href=\"/\">Today's papers</a> are served as usual.</p></body></html>")
          .getBytes(StandardCharsets.UTF_8);
    }
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
