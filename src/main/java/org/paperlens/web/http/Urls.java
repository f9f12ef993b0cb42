package org.paperlens.web.http;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds links with properly encoded query strings; null values are left out. */
public final class Urls {

  private Urls() {}

  public static String of(String path, Map<String, ?> params) {
    StringBuilder b = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, ?> e : params.entrySet()) {
      if (e.getValue() == null || e.getValue().toString().isEmpty()) {
        continue;
      }
      b.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue().toString()));
      sep = '&';
    }
    return b.toString();
  }

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** {@code s} encoded as one path segment: like a query value, but a space is %20 (a '+' in a path is a plus). */
  public static String pathSegment(String s) {
    return encode(s).replace("+", "%20");
  }

  /**
   * Where to go after a form: the request's {@code back} parameter (query string, else form field)
   * when it is a path on this site, else {@code fallback}. The one place {@code back} is read.
   */
  public static String back(Context ctx, String fallback) {
    String back = ctx.queryParam("back");
    if (back == null && isForm(ctx)) {
      back = ctx.formParam("back");
    }
    return sameSiteOr(back, fallback);
  }

  /**
   * {@code back} when it is a path on this site, else {@code fallback}. Only printable ASCII
   * passes: browsers drop tabs and newlines from a URL and read a backslash as a slash, so
   * {@code "/\t/evil.example"} or {@code "/\\evil.example"} would become {@code "//evil.example"},
   * another site. Anything else a path needs can be percent-encoded.
   */
  public static String sameSiteOr(String back, String fallback) {
    if (back == null || back.length() > 500 || !back.startsWith("/") || back.startsWith("//")) {
      return fallback;
    }
    for (int i = 0; i < back.length(); i++) {
      char c = back.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '\\') {
        return fallback;
      }
    }
    try {
      URI uri = new URI(back);
      return uri.getScheme() == null && uri.getRawAuthority() == null ? back : fallback;
    } catch (URISyntaxException e) {
      return fallback;
    }
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
  }
}
