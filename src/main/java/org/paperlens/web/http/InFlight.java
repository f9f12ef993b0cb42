package org.paperlens.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.paperlens.common.RequestGauge;

/**
 * Feeds the server's {@link RequestGauge}: a request is in flight from the moment it reaches the
 * servlet until its handler returns, whatever the outcome, so the background embedder gives way
 * for exactly that long (and a short grace after).
 */
public final class InFlight implements Filter {

  private final RequestGauge requests;

  public InFlight(RequestGauge requests) {
    this.requests = requests;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    requests.begin();
    try {
      chain.doFilter(request, response);
    } finally {
      requests.end();
    }
  }
}
