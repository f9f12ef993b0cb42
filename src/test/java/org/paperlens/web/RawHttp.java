package org.paperlens.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for requests a real client refuses to
 * send (raw control characters in the target, bytes that are not UTF-8, broken bodies). Always
 * sends {@code Connection: close} and a Content-Length that matches the body, so the server never
 * waits for bytes that will not come.
 */
final class RawHttp {

  /** What came back: the status (or -1 when the server closed the connection without answering). */
  record Response(int status, String head) {}

  private final int port;
  private final int timeoutMillis;

  RawHttp(int port, int timeoutMillis) {
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** A request to send: {@code target} is written as it is (no encoding), headers as "Name: value". */
  record Request(String method, String target, List<String> headers, byte[] body) {
    Request {
      headers = List.copyOf(headers);
      body = body == null ? new byte[0] : body;
    }

    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<String> all = new ArrayList<>(headers);
      all.add("Host: localhost");
      all.add("Connection: close");
      if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
        all.add("Content-Length: " + body.length);
      }
      out.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
      for (String h : all) {
        out.writeBytes((h + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
      return out.toByteArray();
    }

    @Override
    public String toString() {
      String t = target.length() > 120 ? target.substring(0, 120) + "…(" + target.length() + ")" : target;
      return method + " " + t.replaceAll("\\p{Cntrl}", "?") + " [" + body.length + " B body]";
    }
  }

  Response send(Request request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(timeoutMillis);
      s.getOutputStream().write(request.bytes());
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      byte[] all;
      try {
        all = in.readAllBytes();
      } catch (java.net.SocketException e) {
        all = new byte[0]; // reset after answering (the server stopped reading an unwanted body): the head may be lost
      }
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      if (!head.startsWith("HTTP/1.1 ") || head.length() < 12) {
        return new Response(-1, head);
      }
      return new Response(Integer.parseInt(head.substring(9, 12)), head);
    }
  }
}
