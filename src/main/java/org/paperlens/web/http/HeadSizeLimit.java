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
import java.util.Collections;

/**
 * Refuses a request whose URI (414) or headers (431) are too large, knowing its path, so the answer
 * is problem+json under /api/ and /mcp and a plain page elsewhere. Jetty itself reads a request
 * head of up to {@link #JETTY_HEAD_BYTES}; past that it refuses the request before any filter and
 * {@link BadMessages} answers.
 */
public final class HeadSizeLimit implements Filter {

  /** The longest request URI (path and query) answered. */
  public static final int MAX_URI_BYTES = 8 * 1024;

  /** The most header bytes (names, values and separators) answered. */
  public static final int MAX_HEADER_BYTES = 8 * 1024;

  /** The request head Jetty reads at all; larger is refused by Jetty (then {@link BadMessages}). */
  public static final int JETTY_HEAD_BYTES = 32 * 1024;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    if (request instanceof HttpServletRequest http) {
      String query = http.getQueryString();
      long uri = http.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
      if (uri > MAX_URI_BYTES) {
        refuse(http, (HttpServletResponse) response, 414, "the request URI is " + uri + " bytes; this server reads at most "
            + MAX_URI_BYTES + " (send a long query in fewer words)");
        return;
      }
      long headers = headerBytes(http);
      if (headers > MAX_HEADER_BYTES) {
        refuse(http, (HttpServletResponse) response, 431, "the request headers are " + headers + " bytes; this server reads at most "
            + MAX_HEADER_BYTES + " (too many or too large cookies?)");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  static long headerBytes(HttpServletRequest http) {
    long n = 0;
    for (String name : Collections.list(http.getHeaderNames())) {
      for (String value : Collections.list(http.getHeaders(name))) {
        n += name.length() + value.length() + 4; // ": " and CRLF
      }
    }
    return n;
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail) throws IOException {
    String path = request.getRequestURI();
    response.setStatus(status);
    response.setHeader("Connection", "close");
    byte[] body;
    if (path.startsWith("/api/") || path.startsWith("/mcp")) {
      response.setContentType(Problems.PROBLEM_JSON);
      body = Problems.problem(status, detail, path.length() > 200 ? path.substring(0, 200) : path).getBytes(StandardCharsets.UTF_8);
    } else {
      response.setContentType("text/plain; charset=utf-8");
      body = (status + " " + Problems.title(status) + ": " + detail + "\n").getBytes(StandardCharsets.UTF_8);
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
