package org.paperlens.index;

/**
 * A remote search engine did not answer (every node tried, retries spent). The web app answers
 * 503, commands exit with the storage failure code: the request may well work a moment later.
 */
public final class IndexUnavailableException extends RuntimeException {
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
