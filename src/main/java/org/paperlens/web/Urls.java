package org.paperlens.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds links with properly encoded query strings; null values are left out. */
final class Urls {

  private Urls() {}

  static String of(String path, Map<String, ?> params) {
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

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A local path to go back to after a form, or {@code fallback}: never another site. */
  static String localOr(String back, String fallback) {
    if (back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && back.length() < 500) {
      return back;
    }
    return fallback;
  }
}
