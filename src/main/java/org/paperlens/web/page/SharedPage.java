package org.paperlens.web.page;

import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.paperlens.web.http.Auth;

/**
 * A page rendered once for every visitor who is not logged in, kept as UTF-8 bytes with a gap
 * wherever the visitor's CSRF token goes (the only per-visitor part of such a page). Sending it
 * streams the kept bytes: no model, no template, no character encoding per request, which
 * is most of what a cached daily or paper page used to cost. Immutable, so thread-safe.
 */
public final class SharedPage {

  /**
   * Stands for the CSRF token while the page is rendered: random per process, so no paper text
   * can contain it by chance. Letters and digits only, so escaping leaves it as it is.
   */
  public static final String TOKEN_GAP = gap();

  /**
   * The key of a shared page: the cached values it was rendered from, equal only for the very same
   * objects (and equal {@code text}). Comparing a listing's fifty papers field by field per
   * request would cost what the cache saves.
   */
  record Sources(Object first, Object second, Object third, String text) {
    Sources(Object first, Object second, String text) {
      this(first, second, null, text);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sources k && k.first == first && k.second == second && k.third == third && java.util.Objects.equals(k.text, text);
    }

    @Override
    public int hashCode() {
      return ((System.identityHashCode(first) * 31 + System.identityHashCode(second)) * 31 + System.identityHashCode(third)) * 31
          + java.util.Objects.hashCode(text);
    }
  }

  private final List<byte[]> parts;
  /**
   * Each part deflated on its own and ended with a sync flush, so they can be joined around a token.
   * Made by the first request that asks for gzip, not with the page: a search nobody repeats (most
   * fresh queries) would otherwise pay for compressing a page no one receives compressed.
   */
  private volatile List<byte[]> deflated;

  private SharedPage(List<byte[]> parts) {
    this.parts = parts;
  }

  /** Two requests racing here may both compress; either result is the same bytes. */
  private List<byte[]> deflated() {
    List<byte[]> d = deflated;
    if (d == null) {
      d = parts.stream().map(SharedPage::deflate).toList();
      deflated = d;
    }
    return d;
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
   * (JFR {@code jdk.ObjectAllocationSample}, issue 13). A browser that accepts gzip gets the parts
   * compressed once, by the first request that asked for gzip: compressing 80 KB per request cost
   * 1.5 ms of CPU, twenty times all the rest of the request (issue 13).
   */
  public void send(Context ctx) {
    String token = Auth.csrfToken(ctx);
    ctx.contentType("text/html; charset=utf-8");
    String accepted = ctx.header("Accept-Encoding");
    if (accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
      // Set before the body, so Javalin does not compress it again.
      ctx.header("Content-Encoding", "gzip").result(gzipStream(token));
    } else {
      ctx.result(stream(token));
    }
  }

  /** The page with {@code token} in every gap, read straight from the kept parts. */
  InputStream stream(String token) {
    byte[] t = token.getBytes(StandardCharsets.US_ASCII);
    List<byte[]> pieces = new ArrayList<>(parts.size() * 2);
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        pieces.add(t);
      }
      pieces.add(parts.get(i));
    }
    return new Joined(pieces);
  }

  /**
   * The same page as a gzip stream (RFC 1952): the kept deflated parts with the token between them
   * as a stored block (a sync flush leaves each part on a byte boundary, where a stored block may
   * start), an empty final block, and the CRC-32 and length of the whole page, the only part
   * computed per request.
   */
  InputStream gzipStream(String token) {
    byte[] t = token.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    long size = 0;
    byte[] stored = new byte[5 + t.length];
    stored[0] = 0; // not final, stored
    stored[1] = (byte) t.length;
    stored[2] = (byte) (t.length >>> 8);
    stored[3] = (byte) ~t.length;
    stored[4] = (byte) (~t.length >>> 8);
    System.arraycopy(t, 0, stored, 5, t.length);
    List<byte[]> deflatedParts = deflated();
    List<byte[]> pieces = new ArrayList<>(parts.size() * 2 + 2);
    pieces.add(GZIP_HEADER);
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        pieces.add(stored);
        crc.update(t);
        size += t.length;
      }
      pieces.add(deflatedParts.get(i));
      crc.update(parts.get(i));
      size += parts.get(i).length;
    }
    byte[] end = {1, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 0, 0, 0, 0};
    java.nio.ByteBuffer.wrap(end, 5, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).putInt((int) size);
    pieces.add(end);
    return new Joined(pieces);
  }

  /** Magic, deflate, no flags, no time, no extra flags, unknown OS. */
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private static byte[] deflate(byte[] part) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(part);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(part.length / 4 + 64);
      byte[] buffer = new byte[8192];
      int n;
      do {
        n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        out.write(buffer, 0, n);
      } while (n == buffer.length);
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * Byte arrays read as one stream. A read fills all it is asked for while bytes remain: Javalin
   * decides whether to compress from the length of the first write, and the first part alone (up
   * to the token in the head) is shorter than its threshold.
   */
  private static final class Joined extends InputStream {
    private final List<byte[]> pieces;
    private int piece;
    private int at;

    Joined(List<byte[]> pieces) {
      this.pieces = pieces;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      int n = 0;
      while (n < len && piece < pieces.size()) {
        byte[] from = pieces.get(piece);
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
