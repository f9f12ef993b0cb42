package org.paperlens.web.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.function.Consumer;
import org.paperlens.ops.RequestRecord;

/**
 * Sees every request the servlet context answers (pages, API, static files, the MCP endpoint) and
 * hands one {@link RequestRecord} per request to the metrics and the request log: method, the
 * route template that matched (set by the web server's after-handler in {@link #ROUTE}; static
 * files, {@code /mcp} and unmatched paths get fixed names, so the number of series stays bounded
 * and no token in a path is ever recorded), status, time and body bytes written.
 */
public final class RequestObserver implements Filter {

  /** Request attribute: the route template that answered, set once routing has matched. */
  public static final String ROUTE = "paperlens.route";

  private final Consumer<RequestRecord> observer;

  public RequestObserver(Consumer<RequestRecord> observer) {
    this.observer = observer;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse res)) {
      chain.doFilter(request, response);
      return;
    }
    long start = System.nanoTime();
    // The MCP endpoint streams asynchronously: its response is left alone, and its bytes are not counted.
    Counting counting = http.getRequestURI().startsWith("/mcp") ? null : new Counting(res);
    try {
      chain.doFilter(request, counting == null ? response : counting);
    } finally {
      if (counting != null && counting.writer != null) {
        counting.writer.flush(); // whatever was written through the writer reaches the response
      }
      if (http.isAsyncStarted()) {
        http.getAsyncContext().addListener(new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            record(http, res, counting, start);
          }

          @Override
          public void onTimeout(AsyncEvent event) {}

          @Override
          public void onError(AsyncEvent event) {}

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
      } else {
        record(http, res, counting, start);
      }
    }
  }

  private void record(HttpServletRequest http, HttpServletResponse res, Counting counting, long start) {
    try {
      observer.accept(new RequestRecord(http.getMethod(), route(http, res.getStatus()), res.getStatus(), System.nanoTime() - start,
          counting == null ? -1 : counting.bytes));
    } catch (RuntimeException e) {
      // A metric or a log line must never fail a request that has been answered.
    }
  }

  static String route(HttpServletRequest http, int status) {
    String path = http.getRequestURI();
    if (path.startsWith("/mcp")) {
      return "/mcp";
    }
    if (path.startsWith("/static/")) {
      return "/static/*";
    }
    if (http.getAttribute(ROUTE) instanceof String route && route.startsWith("/") && !route.contains("*")) {
      return route.replace("<", "{").replace(">", "}");
    }
    return status == 404 ? "unmatched" : "other";
  }

  /** Counts the body bytes written through it. */
  private static final class Counting extends HttpServletResponseWrapper {
    long bytes;
    private ServletOutputStream out;
    private PrintWriter writer;

    Counting(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (out == null) {
        ServletOutputStream inner = super.getOutputStream();
        out = new ServletOutputStream() {
          @Override
          public void write(int b) throws IOException {
            inner.write(b);
            bytes++;
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            inner.write(b, off, len);
            bytes += len;
          }

          @Override
          public void flush() throws IOException {
            inner.flush();
          }

          @Override
          public void close() throws IOException {
            inner.close();
          }

          @Override
          public boolean isReady() {
            return inner.isReady();
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            inner.setWriteListener(listener);
          }
        };
      }
      return out;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      super.flushBuffer();
    }
  }
}
