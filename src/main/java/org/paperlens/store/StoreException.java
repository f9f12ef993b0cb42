package org.paperlens.store;

/** A database could not be opened, migrated, read or written; the message says which and why. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
