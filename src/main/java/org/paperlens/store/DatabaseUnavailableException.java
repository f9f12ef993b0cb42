package org.paperlens.store;

/**
 * The database could not be reached (a restarted PostgreSQL, a lost network) and the unit of work
 * could not be re-run on a fresh connection. Transient: the pool reconnects by itself, so a caller
 * answers "try again" (HTTP 503 with Retry-After) or, in the pipeline, retries later. Its outage is
 * logged once by {@link Database}, so whoever catches this need not log a stack trace.
 */
public final class DatabaseUnavailableException extends StoreException {

  /** What a web client is told to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
