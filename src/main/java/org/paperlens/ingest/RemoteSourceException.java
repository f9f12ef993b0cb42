package org.paperlens.ingest;

import java.io.IOException;

/**
 * A remote source failed in a way retrying did not fix (or cannot fix): the server kept failing,
 * refused the request, or answered with an OAI-PMH error. Whatever was harvested before stays
 * committed, and the next run carries on from there.
 */
public final class RemoteSourceException extends IOException {
  public RemoteSourceException(String message) {
    super(message);
  }

  public RemoteSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
