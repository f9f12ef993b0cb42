package org.paperlens.index;

/** A search query that cannot be understood; the message quotes it and says what is wrong. */
public final class BadQueryException extends RuntimeException {
  public BadQueryException(String message) {
    super(message);
  }

  public BadQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
