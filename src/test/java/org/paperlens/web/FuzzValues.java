package org.paperlens.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed values for the fuzz test, from one seeded {@link Random}: the same seed gives the
 * same requests. Values are strings (huge, control characters, bad dates, numbers out of range,
 * the wrong type, markup and SQL, odd Unicode); encodings can be broken on purpose (raw bytes that
 * are not UTF-8, percent signs that escape nothing).
 */
final class FuzzValues {

  static final List<String> NASTY = List.of(
      "", " ", "a".repeat(501), "x".repeat(5_000), "\u0000", "a\tb", "\r\nX-Injected: yes", "\u001b[31mred", "\u202eevil",
      "\ud800", "\uD83D\uDE00", "日本語", "é", "2024-02-30", "+999999999-12-31", "-999999999-01-01", "0000-00-00",
      "2024-13-01", "99999-01-01", "1969-12-31", "-1", "0", "2147483648", "-2147483649", "99999999999999999999", "1e309",
      "NaN", "0x10", "١٢", "[]", "{}", "true", "null", "'; DROP TABLE papers; --", "<script>alert(1)</script>",
      "../../../../etc/passwd", "%00", "%", "%zz", "cs.LG,cs.CL,cs.AI,cs.CV,cs.RO,cs.IR,cs.NE,cs.DB,cs.DS,cs.SE,cs.PL,cs.OS,cs.NI,"
          + "cs.MA,cs.HC,cs.GT,cs.FL,cs.ET,cs.DL,cs.DC,cs.CY,cs.CR", "\"unclosed", "ti:(a OR", "au:", "*", "2401.00101",
      "hep-th/9901001", "arXiv:2401.00102v2", "scheme:", "week", "month", "day", "hybrid", "keyword", "semantic",
      "weekly", "daily", "Europe/Paris", "Mars/Base", "25", "8", "x@example.org", "not an address", "@", "trending",
      "category", "author", "tag", "search");

  /** Raw (not URL-encoded) fragments for query strings and bodies: broken escapes and bytes that are not UTF-8. */
  static final List<String> RAW = List.of("%", "%G1", "%C3%28", "%FF%FE", "%E2%82", "%%", "a=b=c", "&&", "=", "%0A%0D", "%2e%2e%2f");

  private final Random random;

  FuzzValues(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  String nasty() {
    return pick(NASTY);
  }

  /** {@code valid} most of the time when there is one, else something malformed. */
  String value(String valid) {
    return valid != null && chance(0.5) ? valid : nasty();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A query string or urlencoded body from {@code fields}, sometimes with a raw broken fragment added. */
  String urlencoded(Map<String, String> fields) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(enc(e.getKey())).append('=').append(chance(0.1) ? pick(RAW) : enc(e.getValue()));
    }
    if (chance(0.1)) {
      b.append('&').append(pick(RAW));
    }
    return b.toString();
  }

  /** A urlencoded body as bytes, sometimes with bytes that are not UTF-8. */
  byte[] formBody(Map<String, String> fields) {
    byte[] text = urlencoded(fields).getBytes(StandardCharsets.UTF_8);
    if (!chance(0.1)) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text);
    out.writeBytes(new byte[] {'&', 'x', '=', (byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    return out.toByteArray();
  }

  /** A multipart/form-data body for {@code fields} (and an optional file), or a broken one; returns content type and body. */
  Map.Entry<String, byte[]> multipart(Map<String, String> fields, String fileField) {
    String boundary = "fuzz" + random.nextInt(1_000_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    if (fileField != null) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + nasty()
          + "\"\r\nContent-Type: application/x-bibtex\r\n\r\n@article{k, title = {" + nasty() + "}, eprint = {2401.00101}}\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    byte[] body = out.toByteArray();
    String type = "multipart/form-data; boundary=" + boundary;
    switch (random.nextInt(6)) {
      case 0 -> body = java.util.Arrays.copyOf(body, body.length / 2); // truncated
      case 1 -> type = "multipart/form-data"; // no boundary
      case 2 -> type = "multipart/form-data; boundary=other";
      case 3 -> body = ("--" + boundary + "\r\nContent-Disposition: garbage\r\n\r\n\u0000\r\n").getBytes(StandardCharsets.UTF_8);
      default -> { } // well formed
    }
    return Map.entry(type, body);
  }

  /** A JSON body with these fields (values malformed or of the wrong type now and then), or broken JSON. */
  byte[] json(Map<String, String> fields) {
    if (chance(0.25)) {
      return switch (random.nextInt(7)) {
        case 0 -> "{".getBytes(StandardCharsets.UTF_8);
        case 1 -> "[1,2]".getBytes(StandardCharsets.UTF_8);
        case 2 -> "nul".getBytes(StandardCharsets.UTF_8);
        case 3 -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
        case 4 -> "{\"a\":1e99999}".getBytes(StandardCharsets.UTF_8);
        case 5 -> new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        default -> "\"just a string\"".getBytes(StandardCharsets.UTF_8);
      };
    }
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('"').append(e.getKey()).append("\":").append(jsonValue(e.getValue()));
    }
    return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private String jsonValue(String valid) {
    return switch (random.nextInt(6)) {
      case 0 -> "42";
      case 1 -> "[\"" + escape(nasty()) + "\", 7, null]";
      case 2 -> "{\"nested\":true}";
      case 3 -> "true";
      case 4 -> "\"" + escape(nasty()) + "\"";
      default -> valid;
    };
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
