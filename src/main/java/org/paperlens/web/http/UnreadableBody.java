package org.paperlens.web.http;

/**
 * The request body could not be read: malformed (a broken multipart or chunked encoding), too
 * large, or too slow. Thrown by {@link RequestBodies}; {@link Problems} picks the 4xx from the cause.
 */
public final class UnreadableBody extends RuntimeException {

  public UnreadableBody(Throwable cause) {
    super(cause.getMessage(), cause);
  }
}
