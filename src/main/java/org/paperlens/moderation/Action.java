package org.paperlens.moderation;

import java.util.Locale;

/** What a moderator (or the command line) did, as the audit log names it. */
public enum Action {
  HIDE_COMMENT, UNHIDE_COMMENT, DISMISS_REPORTS, HIDE_SUBMISSION, UNHIDE_SUBMISSION, SUSPEND, UNSUSPEND,
  GRANT_ADMIN, GRANT_MODERATOR, REVOKE_ROLE;

  /** {@code hide-comment}: the word in the log page and the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Action of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
