package org.paperlens.digest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal real SMTP server on a free port whose replies to RCPT TO a test chooses per address
 * (550 refused, 451 deferred), or that accepts connections and never answers (a dead server).
 * GreenMail accepts everything, so the failure paths need this.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
  final List<String> delivered = new CopyOnWriteArrayList<>();
  volatile boolean silent;
  private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
  private final ServerSocket socket;
  private final Thread acceptor;

  ScriptedSmtpServer() throws java.io.IOException {
    socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().start(() -> {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          open.incrementAndGet();
          accepted.incrementAndGet();
          Thread.ofVirtual().start(() -> converse(s));
        } catch (java.io.IOException e) {
          return;
        }
      }
    });
  }

  /** Connections accepted so far. */
  int accepted() {
    return accepted.get();
  }

  /** Connections a client still holds open. */
  int open() {
    return open.get();
  }

  /** Waits (at most 30 s, a guard against hanging) until at least {@code n} connections came in. */
  void awaitAccepted(int n) throws InterruptedException {
    for (int i = 0; i < 3_000 && accepted.get() < n; i++) {
      Thread.sleep(10);
    }
  }

  int port() {
    return socket.getLocalPort();
  }

  private void converse(Socket s) {
    try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8))) {
      if (silent) {
        in.readLine(); // say nothing; returns when the client gives up and closes
        return;
      }
      reply(out, "220 scripted ready");
      String rcpt = null;
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (cmd) {
          case "EHLO", "HELO" -> reply(out, "250 scripted");
          case "MAIL", "RSET", "NOOP" -> reply(out, "250 ok");
          case "RCPT" -> {
            rcpt = line.replaceFirst("(?i)^RCPT TO:\\s*<([^>]*)>.*", "$1").toLowerCase();
            reply(out, rcptReplies.getOrDefault(rcpt, "250 ok"));
          }
          case "DATA" -> {
            reply(out, "354 go on");
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // the message body is not inspected here
            }
            delivered.add(rcpt);
            reply(out, "250 queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (java.io.IOException e) {
      // the client went away
    } finally {
      open.decrementAndGet();
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws java.io.IOException {
    socket.close();
    acceptor.interrupt();
  }
}
