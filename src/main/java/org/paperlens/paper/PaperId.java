package org.paperlens.paper;

import java.util.Objects;

/**
 * The canonical identity of a paper in the catalogue.
 *
 * <p>arXiv papers use the bare arXiv id without version ({@code 2401.01234}, {@code hep-th/9901001});
 * papers from other sources use {@code scheme:local-id} ({@code scifact:4983}). arXiv ids never
 * contain a colon, so the two families cannot collide.
 */
public record PaperId(String value) implements Comparable<PaperId> {

  public PaperId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a paper id cannot be blank");
    }
  }

  /** An id from a non-arXiv source, namespaced by its scheme. */
  public static PaperId of(String scheme, String localId) {
    if (scheme.isBlank() || scheme.contains(":")) {
      throw new IllegalArgumentException("bad id scheme '" + scheme + "'");
    }
    return new PaperId(scheme + ":" + localId.strip());
  }

  public boolean isArxiv() {
    return !value.contains(":");
  }

  @Override
  public int compareTo(PaperId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
