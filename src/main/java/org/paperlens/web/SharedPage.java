package org.paperlens.web;

import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A page rendered once for every visitor who is not logged in, kept as UTF-8 bytes with a gap
 * wherever the visitor's CSRF token goes (the only per-visitor part of such a page). Sending it
 * streams the kept bytes: no model, no template, no character encoding per request, which
 * is most of what a cached daily or paper page used to cost. Immutable, so thread-safe.
 */
final class SharedPage {

  /**
   * Stands for the CSRF token while the page is rendered: random per process, so no paper text
   * can contain it by chance. Letters and digits only, so escaping leaves it as it is.
   */
  static final String TOKEN_GAP = gap();

  /**
   * The key of a shared page: the cached values it was rendered from, equal only for the very same
   * objects (and equal {@code text}). Comparing a listing's fifty papers field by field per
   * request would cost what the cache saves.
   */
  record Sources(Object first, Object second, String text) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Sources k && k.first == first && k.second == second && java.util.Objects.equals(k.text, text);
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(first) * 31 + System.identityHashCode(second)) * 31 + java.util.Objects.hashCode(text);
    }
  }

  private final List<byte[]> parts;

  private SharedPage(List<byte[]> parts) {
    this.parts = parts;
  }

  /** The page {@code html}, rendered with {@link #TOKEN_GAP} in place of the CSRF token. */
  static SharedPage of(String html) {
    List<byte[]> parts = new ArrayList<>();
    int from = 0;
    for (int at = html.indexOf(TOKEN_GAP); at >= 0; at = html.indexOf(TOKEN_GAP, from)) {
      parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
      from = at + TOKEN_GAP.length();
    }
    parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
    return new SharedPage(List.copyOf(parts));
  }

  /**
   * Answers the request with this page, the visitor's CSRF token filled in (and set as a cookie if
   * new). The parts are streamed as they are kept, never copied into one array per request: a
   * daily page is 80 KB, and that copy was over half of what a server under load allocated
   * (JFR {@code jdk.ObjectAllocationSample}, issue 13). Javalin still decides on compression and
   * writes the stream as it writes any result.
   */
  void send(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(stream(Auth.csrfToken(ctx)));
  }

  /** The page with {@code token} in every gap, read straight from the kept parts. */
  InputStream stream(String token) {
    return new Filled(parts, token.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The parts with the token between them, as one stream. A read fills all it is asked for while
   * bytes remain: Javalin decides whether to compress from the length of the first write, and
   * the first part alone (up to the token in the head) is shorter than its threshold.
   */
  private static final class Filled extends InputStream {
    private final List<byte[]> parts;
    private final byte[] token;
    /** Index into the pieces: even numbers are parts, odd ones the token between two parts. */
    private int piece;
    private int at;

    Filled(List<byte[]> parts, byte[] token) {
      this.parts = parts;
      this.token = token;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      int n = 0;
      while (n < len && piece < parts.size() * 2 - 1) {
        byte[] from = piece % 2 == 0 ? parts.get(piece / 2) : token;
        int k = Math.min(len - n, from.length - at);
        System.arraycopy(from, at, b, off + n, k);
        n += k;
        at += k;
        if (at == from.length) {
          piece++;
          at = 0;
        }
      }
      return n == 0 && len > 0 ? -1 : n;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
  }

  private static String gap() {
    byte[] b = new byte[12];
    new java.security.SecureRandom().nextBytes(b);
    return "csrfgap" + java.util.HexFormat.of().formatHex(b);
  }
}
