package org.paperlens.web.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperlens.html.Html;

/**
 * A comment as HTML: its text escaped, line breaks kept (by the page's CSS), and web addresses
 * made links that search engines do not credit ({@code rel="nofollow ugc"}) and that open
 * without telling the target where the reader came from. Nothing else of the text is markup.
 */
public final class CommentText {

  private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);

  private CommentText() {}

  static String html(String text) {
    StringBuilder b = new StringBuilder(text.length() + 64);
    Matcher m = URL.matcher(text);
    int at = 0;
    while (m.find()) {
      String url = m.group();
      int end = url.length();
      while (end > 0 && ".,;:!?)]}".indexOf(url.charAt(end - 1)) >= 0) {
        end--; // the sentence's punctuation, not the address's
      }
      url = url.substring(0, end);
      b.append(Html.escape(text.substring(at, m.start())));
      b.append("<a href=\"").append(Html.escape(url)).append("\" rel=\"nofollow ugc noopener noreferrer\">")
          .append(Html.escape(url)).append("</a>");
      at = m.start() + end;
    }
    b.append(Html.escape(text.substring(at)));
    return b.toString();
  }
}
