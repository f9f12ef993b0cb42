package org.paperlens.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP server on a random loopback port that misbehaves as a test scripts it: endless bodies,
 * bodies that stop mid-way, long Retry-Afters. Counts requests and the body bytes it managed to
 * send, so a test can prove a client stopped reading without timing anything.
 */
final class HostileServer implements AutoCloseable {

  /** Answers one request; writes through {@link #counted}. */
  @FunctionalInterface
  interface Behaviour {
    void answer(HttpExchange exchange, OutputStream body) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong sent = new AtomicLong();

  HostileServer(Behaviour behaviour) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oai2", exchange -> {
      requests.incrementAndGet();
      try (exchange; OutputStream body = counted(exchange.getResponseBody())) {
        behaviour.answer(exchange, body);
      } catch (IOException | InterruptedException e) {
        // the client hung up, as it should have
      }
    });
    server.setExecutor(threads);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai2");
  }

  int requests() {
    return requests.get();
  }

  /** Body bytes the server wrote before the client stopped reading (or the body ended). */
  long bytesSent() {
    return sent.get();
  }

  private OutputStream counted(OutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        sent.incrementAndGet();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sent.addAndGet(len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
