package org.paperlens.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One POST on a connection of its own ({@code Connection: close}), told apart as a load balancer
 * would: answered (the status), refused before the server took it (no connection: safe to send
 * elsewhere), unsent (the connection was reset while the request was still being written: the
 * server never had the whole request, so it cannot have acted on it, and the client knows to send
 * it again; this is what Linux does to connections still in the listen backlog when a stopping
 * server closes its listener), or cut after it was sent (a reset or an end without an answer: the
 * 502s of a rolling restart). A body may be trickled, so that it is still arriving when the server
 * stops.
 */
record RawPost(Kind kind, int status, String detail) {

  enum Kind { ANSWERED, REFUSED, UNSENT, CUT }

  static RawPost send(String base, String path, String bearer, String json, int pieces, long pauseMillis) {
    URI uri = URI.create(base);
    Socket socket = new Socket();
    boolean sent = false;
    try {
      try {
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      } catch (ConnectException e) {
        return new RawPost(Kind.REFUSED, 0, e.getMessage());
      }
      socket.setSoTimeout(120_000);
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nAuthorization: Bearer " + bearer
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      int step = Math.max(1, (body.length + pieces - 1) / pieces);
      for (int from = 0; from < body.length; from += step) {
        out.write(body, from, Math.min(step, body.length - from));
        out.flush();
        if (from + step < body.length) {
          Thread.sleep(pauseMillis);
        }
      }
      sent = true;
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      if (!answer.startsWith("HTTP/1.1 ")) {
        return new RawPost(Kind.CUT, 0, "no answer: '" + answer + "'");
      }
      return new RawPost(Kind.ANSWERED, Integer.parseInt(answer.substring(9, 12)), answer.lines().findFirst().orElse(""));
    } catch (IOException e) {
      return new RawPost(sent ? Kind.CUT : Kind.UNSENT, 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RawPost(Kind.CUT, 0, "interrupted");
    } finally {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a socket that failed
      }
    }
  }

  /** Answered 2xx or 503, or refused or reset before the server had it: what a rolling restart may do to a POST. */
  boolean harmless() {
    return kind == Kind.REFUSED || kind == Kind.UNSENT || kind == Kind.ANSWERED && (status / 100 == 2 || status == 503);
  }
}
