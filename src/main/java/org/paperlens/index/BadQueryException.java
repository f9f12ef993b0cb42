package org.paperlens.index;

/**
 * A search query that cannot be understood, or that would cost too much to answer; the message
 * quotes it and says what is wrong. A query that cannot be parsed may still be searched as plain
 * words; one that is {@linkplain #tooCostly() too costly} is refused (a 400, a usage error).
 */
public final class BadQueryException extends RuntimeException {

  private final boolean tooCostly;

  public BadQueryException(String message) {
    this(message, null, false);
  }

  public BadQueryException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private BadQueryException(String message, Throwable cause, boolean tooCostly) {
    super(message, cause);
    this.tooCostly = tooCostly;
  }

  /** A query past the cost budget of its fuzzy, wildcard or range words. */
  public static BadQueryException tooCostly(String message) {
    return new BadQueryException(message, null, true);
  }

  /** Whether the query parsed but is past the cost budget (so reading it as plain words is no answer either). */
  public boolean tooCostly() {
    return tooCostly;
  }

  /** Throws this exception again when the query is too costly, for callers that retry the others as plain words. */
  public void rethrowIfTooCostly() {
    if (tooCostly) {
      throw this;
    }
  }
}
