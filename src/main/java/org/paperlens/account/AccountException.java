package org.paperlens.account;

/** A sign-up or log-in that cannot go ahead, with a message fit to show the person. */
public final class AccountException extends RuntimeException {

  /** Why: the web layer maps each kind to a status code. */
  public enum Kind { INVALID, NAME_TAKEN, BAD_CREDENTIALS, SUSPENDED }

  private final Kind kind;

  public AccountException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
