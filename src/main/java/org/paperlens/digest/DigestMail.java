package org.paperlens.digest;

import java.util.List;
import org.paperlens.html.Html;
import org.paperlens.paper.Paper;
import org.paperlens.paper.TexText;

/**
 * Renders mails as plain text and as HTML that common clients show well: one table-based column,
 * inline styles only (Gmail and Outlook drop style sheets), no images, no scripts. Every value
 * from a paper or a subscriber is escaped.
 */
final class DigestMail {

  /** A rendered message body. */
  record Rendered(String subject, String text, String html) {}

  private static final int ABSTRACT_CHARS = 400;

  private final Links links;

  DigestMail(Links links) {
    this.links = links;
  }

  /** A paper in a digest and, in a citation alert, the subscriber's papers it cites (else empty). */
  record Item(Paper paper, List<Paper> cites) {
    Item {
      cites = List.copyOf(cites);
    }

    static List<Item> of(List<Paper> papers) {
      return papers.stream().map(p -> new Item(p, List.of())).toList();
    }
  }

  Rendered digest(Subscription s, List<Paper> papers, String unsubscribeUrl, String manageUrl) {
    return digest(s, papers, List.of(), unsubscribeUrl, manageUrl);
  }

  Rendered digest(Subscription s, List<Paper> papers, List<CommentNotices.Notice> comments, String unsubscribeUrl, String manageUrl) {
    return digest(s, s.topic().describe(), Item.of(papers), comments, unsubscribeUrl, manageUrl);
  }

  /**
   * The digest's papers under {@code title}, each with the subscriber's papers it cites, then what
   * members said lately about the papers the subscriber saved or upvoted.
   */
  Rendered digest(Subscription s, String title, List<Item> papers, List<CommentNotices.Notice> comments, String unsubscribeUrl,
      String manageUrl) {
    String subject = papers.isEmpty()
        ? comments.size() + (comments.size() == 1 ? " new comment" : " new comments") + " on papers you follow"
        : title + ": " + papers.size() + (papers.size() == 1 ? " new paper" : " new papers")
            + (comments.isEmpty() ? "" : ", " + comments.size() + (comments.size() == 1 ? " new comment" : " new comments"));
    StringBuilder text = new StringBuilder();
    text.append(title).append(" (").append(s.cadence().describe()).append(")\n\n");
    StringBuilder items = new StringBuilder();
    int n = 0;
    for (Item item : papers) {
      Paper p = item.paper();
      n++;
      String url = links.paper(p.id());
      String authors = authors(p.authors());
      text.append(n).append(". ").append(title(p.title())).append('\n');
      if (!authors.isEmpty()) {
        text.append("   ").append(authors).append('\n');
      }
      for (Paper cited : item.cites()) {
        text.append("   cites ").append(title(cited.title())).append(" (").append(links.paper(cited.id())).append(")\n");
      }
      text.append("   ").append(url).append("\n\n");
      items.append("<tr><td style=\"padding:12px 0;border-bottom:1px solid #e5e5e5\">")
          .append("<a href=\"").append(Html.escape(url)).append("\" style=\"font-size:16px;font-weight:bold;color:#1a0dab;text-decoration:none\">")
          .append(Html.escape(title(p.title()))).append("</a>")
          .append("<div style=\"font-size:13px;color:#555;margin-top:4px\">").append(Html.escape(authors));
      if (p.primaryCategory() != null) {
        items.append(" &middot; ").append(Html.escape(p.primaryCategory()));
      }
      items.append("</div>");
      for (Paper cited : item.cites()) {
        items.append("<div style=\"font-size:13px;color:#222;margin-top:4px\" class=\"cites\">cites <a href=\"")
            .append(Html.escape(links.paper(cited.id()))).append("\" style=\"color:#1a0dab\">")
            .append(Html.escape(title(cited.title()))).append("</a></div>");
      }
      if (p.abstractText() != null) {
        items.append("<div style=\"font-size:14px;color:#222;margin-top:6px;line-height:1.4\">")
            .append(Html.escape(shorten(TexText.plain(p.abstractText())))).append("</div>");
      }
      items.append("</td></tr>");
    }
    String discussion = "";
    if (!comments.isEmpty()) {
      text.append("New comments on papers you saved or upvoted:\n\n");
      StringBuilder html = new StringBuilder("<h2 style=\"font-size:17px;margin:20px 0 6px\">New comments on papers you saved or upvoted</h2>");
      for (CommentNotices.Notice c : comments) {
        String url = links.paper(c.paper()) + "#comment-" + c.commentId();
        text.append("- ").append(c.author()).append(" on ").append(title(c.paperTitle())).append(": ")
            .append(c.excerpt()).append("\n  ").append(url).append("\n\n");
        html.append("<p style=\"font-size:14px;margin:8px 0\"><b>").append(Html.escape(c.author())).append("</b> on <a href=\"")
            .append(Html.escape(url)).append("\" style=\"color:#1a0dab\">").append(Html.escape(title(c.paperTitle())))
            .append("</a>: ").append(Html.escape(c.excerpt())).append("</p>");
      }
      discussion = html.toString();
    }
    text.append("--\nManage your subscriptions: ").append(manageUrl)
        .append("\nUnsubscribe from this digest: ").append(unsubscribeUrl).append('\n');
    String footer = "<p style=\"font-size:12px;color:#777;margin-top:24px\">You receive this because you subscribed to "
        + Html.escape(title) + ", " + Html.escape(s.cadence().describe()) + ".<br>"
        + "<a href=\"" + Html.escape(manageUrl) + "\" style=\"color:#777\">Manage subscriptions</a> &middot; "
        + "<a href=\"" + Html.escape(unsubscribeUrl) + "\" style=\"color:#777\">Unsubscribe</a></p>";
    return new Rendered(subject, text.toString(), page(subject, "<h1 style=\"font-size:20px;margin:0 0 8px\">"
        + Html.escape(title) + "</h1><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">"
        + items + "</table>" + discussion + footer));
  }

  Rendered confirmation(Subscription s, String confirmUrl) {
    String title = s.topic().describe();
    String subject = "Confirm your subscription: " + title;
    String text = "Someone (hopefully you) asked to receive \"" + title + "\" " + s.cadence().describe()
        + " at this address.\n\nConfirm: " + confirmUrl
        + "\n\nIf it was not you, ignore this mail: nothing will be sent without confirmation.\n";
    String html = page(subject, "<p style=\"font-size:15px\">Someone (hopefully you) asked to receive <b>"
        + Html.escape(title) + "</b> " + Html.escape(s.cadence().describe()) + " at this address.</p>"
        + "<p><a href=\"" + Html.escape(confirmUrl) + "\" style=\"display:inline-block;padding:10px 18px;background:#1a73e8;"
        + "color:#fff;text-decoration:none;border-radius:4px;font-size:15px\">Confirm subscription</a></p>"
        + "<p style=\"font-size:12px;color:#777\">If it was not you, ignore this mail: nothing will be sent without confirmation.</p>");
    return new Rendered(subject, text, html);
  }

  private static String page(String subject, String body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        + "<title>" + Html.escape(subject) + "</title></head>"
        + "<body style=\"margin:0;padding:0;background:#f6f6f6\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">"
        + "<tr><td align=\"center\" style=\"padding:16px\"><table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\""
        + " style=\"max-width:600px;width:100%;background:#fff;font-family:Arial,Helvetica,sans-serif\"><tr><td style=\"padding:20px\">"
        + body + "</td></tr></table></td></tr></table></body></html>";
  }

  private static String authors(List<String> authors) {
    if (authors.size() <= 4) {
      return String.join(", ", authors);
    }
    return String.join(", ", authors.subList(0, 3)) + " et al.";
  }

  /** A title as mail clients can show it: no JavaScript typesets TeX there, so math is Unicode ({@link TexText}). */
  private static String title(String title) {
    return nonNull(TexText.plain(title));
  }

  private static String shorten(String s) {
    if (s.length() <= ABSTRACT_CHARS) {
      return s;
    }
    int cut = s.lastIndexOf(' ', ABSTRACT_CHARS);
    return s.substring(0, cut > 0 ? cut : ABSTRACT_CHARS) + " …";
  }

  private static String nonNull(String s) {
    return s == null ? "(untitled)" : s;
  }
}
