package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stopping server (SIGTERM) finishes the requests under way before it closes their connections
 * (Jetty 12 waits for what its graceful handler counts), and takes no new connection meanwhile.
 */
class DrainTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void a_request_under_way_when_the_server_stops_is_answered_and_new_connections_are_refused() throws Exception {
    int port = URI.create(web.base).getPort();
    byte[] body = ("q=" + "x".repeat(4094)).getBytes(StandardCharsets.US_ASCII);
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
      Thread.sleep(300); // the request is now under way: its handler waits for the rest of the body
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> web.server.close());
      // Poll until the listener is gone: the stop has begun while our request is still open.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      boolean refused = false;
      while (!refused && System.nanoTime() < deadline) {
        try (Socket probe = new Socket("127.0.0.1", port)) {
          Thread.sleep(50);
        } catch (ConnectException e) {
          refused = true;
        }
      }
      assertThat(refused).as("new connections refused while draining").isTrue();
      assertThat(stopping).isNotDone();
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.flush();
      InputStream in = s.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(head).startsWith("HTTP/1.1 ");
      assertThat(Integer.parseInt(head.substring(9, 12))).isBetween(200, 499);
      stopping.get(60, TimeUnit.SECONDS);
    }
  }
}
