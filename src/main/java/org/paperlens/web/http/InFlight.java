package org.paperlens.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.paperlens.common.RequestGauge;

/**
 * Feeds the server's {@link RequestGauge}: a request is in flight from the moment it reaches the
 * servlet until its handler returns, whatever the outcome, so the background embedder gives way
 * for exactly that long (and a short grace after). Requests that cost next to nothing (static
 * assets, the icon, the status API a monitor or a benchmark polls every few seconds, the health checks and
 * the metrics scrape) do not count:
 * each would abort a model batch of up to a second for a reply of a millisecond.
 */
public final class InFlight implements Filter {

  private final RequestGauge requests;

  public InFlight(RequestGauge requests) {
    this.requests = requests;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && cheap(http.getRequestURI())) {
      chain.doFilter(request, response);
      return;
    }
    requests.begin();
    try {
      chain.doFilter(request, response);
    } finally {
      requests.end();
    }
  }

  static boolean cheap(String path) {
    return path.startsWith("/static/") || path.equals("/favicon.ico") || path.equals("/api/v1/status")
        || path.startsWith("/health/") || path.equals("/metrics");
  }
}
