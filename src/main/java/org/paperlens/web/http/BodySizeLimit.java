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
import java.io.IOException;

/**
 * Caps a chunked request body, which declares no length: Javalin checks its size limit against
 * Content-Length only, so without this a chunked body would be read into memory whatever its size.
 * Multipart bodies are capped by the multipart settings instead (Jetty parses them itself).
 * Going over throws an IOException whose message says "exceeds max", which {@link Problems}
 * answers with 413.
 */
public final class BodySizeLimit implements Filter {

  private final long maxBytes;

  public BodySizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && http.getContentLengthLong() < 0 && http.getHeader("Transfer-Encoding") != null) {
      chain.doFilter(new Capped(http, maxBytes), response);
    } else {
      chain.doFilter(request, response);
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
