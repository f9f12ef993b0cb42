package org.paperlens.common;

import java.io.IOException;

/**
 * A whole input is unusable (truncated, not the format it claims, garbage), as opposed to one bad
 * record in it. Records read before it still count; the import stops with a non-zero exit.
 */
public final class BadInputException extends IOException {
  private final String where;

  public BadInputException(String where, String why) {
    super(where + ": " + why);
    this.where = where;
  }

  public BadInputException(String where, String why, Throwable cause) {
    super(where + ": " + why, cause);
    this.where = where;
  }

  public String where() {
    return where;
  }
}
