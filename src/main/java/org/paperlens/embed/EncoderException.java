package org.paperlens.embed;

/** The embedding model could not be loaded or run; the message says which model and why. */
public final class EncoderException extends RuntimeException {

  EncoderException(String message, Throwable cause) {
    super(message, cause);
  }
}
