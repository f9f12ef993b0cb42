package org.paperlens.web.page;

/**
 * A page that says one thing ({@code notice.mustache}): a {@code message}, and either a form with one
 * {@code button} posting to {@code action} (null: none) or a private feed's address to copy (null: none).
 */
public record NoticeView(String title, String message, String action, String button, String feedUrl) {

  /** Just the message. */
  static NoticeView of(String title, String message) {
    return new NoticeView(title, message, null, null, null);
  }
}
