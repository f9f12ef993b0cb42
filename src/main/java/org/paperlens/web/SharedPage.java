package org.paperlens.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A page rendered once for every visitor who is not logged in, kept as UTF-8 bytes with a gap
 * wherever the visitor's CSRF token goes (the only per-visitor part of such a page). Sending it
 * costs one copy of the bytes: no model, no template, no character encoding per request, which
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
  private final int length;

  private SharedPage(List<byte[]> parts) {
    this.parts = parts;
    this.length = parts.stream().mapToInt(p -> p.length).sum();
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

  /** Answers the request with this page, the visitor's CSRF token filled in (and set as a cookie if new). */
  void send(Context ctx) {
    byte[] token = Auth.csrfToken(ctx).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[length + (parts.size() - 1) * token.length];
    int at = 0;
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        System.arraycopy(token, 0, out, at, token.length);
        at += token.length;
      }
      byte[] part = parts.get(i);
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    ctx.contentType("text/html; charset=utf-8").result(out);
  }

  private static String gap() {
    byte[] b = new byte[12];
    new java.security.SecureRandom().nextBytes(b);
    return "csrfgap" + java.util.HexFormat.of().formatHex(b);
  }
}
