package org.paperlens.html;

/**
 * Escaping for text put into HTML (element content and quoted attributes), shared by search
 * snippets, web pages and mail bodies so that there is one rule for what is safe.
 */
public final class Html {

  private Html() {}

  /** The text with {@code < > & " '} escaped; null becomes the empty string. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
