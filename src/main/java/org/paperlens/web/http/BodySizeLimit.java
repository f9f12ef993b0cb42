package org.paperlens.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one place request bodies meet their size limit, in front of Javalin and the MCP endpoint alike.
 *
 * <ul>
 *   <li>A declared length over the limit is answered 413 (problem+json) before any byte of the body
 *       is read. Jetty sends "100 Continue" only when a body is first read, so a client that asked
 *       with {@code Expect: 100-continue} gets the 413 at once and never sends the body. A client
 *       that sent the body anyway has it read and dropped first (up to {@link #DRAIN_BYTES}):
 *       closing on unread bytes resets the connection, and the client would see a broken pipe
 *       instead of the answer.
 *   <li>A chunked body declares no length: Javalin checks its limit against Content-Length only, so
 *       it is counted as it is read, and going over throws an IOException whose message says
 *       "exceeds max", which {@link Problems} answers with 413.
 * </ul>
 *
 * Multipart bodies (BibTeX uploads) have the larger upload limit; Jetty's multipart settings cap
 * their parts.
 */
public final class BodySizeLimit implements Filter {

  /** The most of an oversized body read and dropped so that its 413 arrives cleanly. */
  static final long DRAIN_BYTES = 32L * 1024 * 1024;

  private final long maxBytes;
  private final long maxUploadBytes;

  public BodySizeLimit(long maxBytes, long maxUploadBytes) {
    this.maxBytes = maxBytes;
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)) {
      chain.doFilter(request, response);
      return;
    }
    long declared = http.getContentLengthLong();
    long max = isMultipart(http) ? maxUploadBytes : maxBytes;
    if (declared > max) {
      tooLarge(http, (HttpServletResponse) response, declared, max);
    } else if (declared < 0 && http.getHeader("Transfer-Encoding") != null) {
      chain.doFilter(new Capped(http, max), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  private static boolean isMultipart(HttpServletRequest http) {
    String type = http.getContentType();
    return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
  }

  private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long declared, long max) throws IOException {
    boolean expectsContinue = "100-continue".equalsIgnoreCase(String.valueOf(request.getHeader("Expect")).strip());
    if (!expectsContinue && declared <= DRAIN_BYTES) {
      drain(request);
    }
    response.setStatus(413);
    response.setHeader("Connection", "close");
    response.setContentType(Problems.PROBLEM_JSON);
    byte[] body = Problems.problem(413, "the request body is " + declared + " bytes; this server takes at most " + max
        + " bytes here", request.getRequestURI()).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static void drain(HttpServletRequest request) {
    byte[] buffer = new byte[64 * 1024];
    try (var in = request.getInputStream()) {
      while (in.read(buffer) >= 0) {
        // dropped: only the answer matters
      }
    } catch (IOException e) {
      // a client that stops sending gets its 413 all the same (or has gone)
    }
  }

  private static final class Capped extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream in;

    Capped(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        in = new CappedStream(super.getInputStream(), max);
      }
      return in;
    }
  }

  private static final class CappedStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long max;
    private long read;

    CappedStream(ServletInputStream in, long max) {
      this.in = in;
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > max) {
        throw new IOException("the request body exceeds max size of " + max + " bytes");
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
