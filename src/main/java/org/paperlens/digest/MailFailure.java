package org.paperlens.digest;

/** A message could not be handed to the mail server; {@link #kind()} says what to do about it. */
public final class MailFailure extends Exception {

  public enum Kind {
    /** The server refused it for good (an SMTP 5xx reply): retrying cannot help; the address is suppressed. */
    PERMANENT,
    /** The server said "not now" (4xx) about this message: try it again later. */
    DEFERRED,
    /** No conversation with the server (refused, timed out, dropped): the rest of the run waits too. */
    UNREACHABLE
  }

  private final Kind kind;

  public MailFailure(String message, Kind kind, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
