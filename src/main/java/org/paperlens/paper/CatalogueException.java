package org.paperlens.paper;

/** The catalogue could not be opened, read or written; the message says which and why. */
public final class CatalogueException extends org.paperlens.store.StoreException {
  public CatalogueException(String message, Throwable cause) {
    super(message, cause);
  }
}
