package org.paperlens.index;

/** There is no search index yet (or it was removed); the message says how to build one. */
public final class IndexMissingException extends RuntimeException {
  public IndexMissingException(String message) {
    super(message);
  }
}
