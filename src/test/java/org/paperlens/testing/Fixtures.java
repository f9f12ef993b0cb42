package org.paperlens.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Small inputs of our own making, in the formats of the real sources, under src/test/resources/fixtures. */
public final class Fixtures {

  private Fixtures() {}

  public static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test fixture " + name, e);
    }
  }
}
