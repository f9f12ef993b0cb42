package org.paperlens.account;

import java.util.Locale;

/**
 * What an account may do beyond a member's: a moderator hides comments and submissions, handles
 * reports and suspends members; an administrator also reads the moderation log. Granted and
 * revoked from the command line only, so no web request can make itself staff.
 */
public enum Role {
  MEMBER, MODERATOR, ADMIN;

  /** Whether this role may hide, unhide, suspend and work the report queue. */
  public boolean moderates() {
    return this != MEMBER;
  }

  /** The word stored in {@code accounts.role} (null for a member) and shown in the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Role stored(String value) {
    return value == null ? MEMBER : valueOf(value.toUpperCase(Locale.ROOT));
  }
}
