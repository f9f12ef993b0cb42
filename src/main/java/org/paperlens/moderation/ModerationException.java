package org.paperlens.moderation;

/** A moderation request that cannot go ahead, with a message fit to show the person; the web layer maps each kind to a status. */
public final class ModerationException extends RuntimeException {

  /** Why: not allowed (403), nothing of that name (404), or at odds with the current state (409). */
  public enum Kind { FORBIDDEN, NOT_FOUND, CONFLICT }

  private final Kind kind;

  public ModerationException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
