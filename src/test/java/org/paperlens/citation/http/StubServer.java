package org.paperlens.citation.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server standing in for a citation source: it answers with scripted replies in turn
 * (the last one again once the script runs out) and records every request. On 127.0.0.1, a random port.
 */
public final class StubServer implements AutoCloseable {

  /** One request as the server saw it. */
  public record Seen(String method, URI uri, String body, String apiKey) {}

  /** One scripted answer. */
  @FunctionalInterface
  public interface Reply {
    void send(HttpExchange exchange, CountDownLatch closing) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Seen> seen = new ArrayList<>();

  public StubServer(Reply... replies) throws IOException {
    script.addAll(List.of(replies));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpExchange ex) throws IOException {
    Reply reply;
    synchronized (this) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI(), body, ex.getRequestHeaders().getFirst("x-api-key")));
      reply = script.size() > 1 ? script.poll() : script.peek();
    }
    try {
      reply.send(ex, closing);
    } finally {
      ex.close();
    }
  }

  /** A status with a body and headers given as name, value, name, value… */
  public static Reply status(int status, String body, String... headers) {
    return (ex, closing) -> {
      for (int i = 0; i + 1 < headers.length; i += 2) {
        ex.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  public static Reply ok(String body) {
    return status(200, body);
  }

  /** A 200 sent chunked (no Content-Length), so only counting the bytes can stop an oversized body. */
  public static Reply chunked(String body) {
    return (ex, closing) -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  /** Accepts the request and never answers (until the server closes). */
  public static Reply silence() {
    return (ex, closing) -> {
      try {
        closing.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** Sends the headers of a 200 and the start of a body, then nothing more (a trickle that never ends). */
  public static Reply stall(String start) {
    return (ex, closing) -> {
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write(start.getBytes(StandardCharsets.UTF_8));
      out.flush();
      silence().send(ex, closing);
    };
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
