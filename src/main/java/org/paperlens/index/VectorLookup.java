package org.paperlens.index;

import org.paperlens.paper.PaperId;

/** The stored vector of a paper, or null when it has none yet. */
@FunctionalInterface
public interface VectorLookup {

  VectorLookup NONE = id -> null;

  float[] vectorFor(PaperId id);
}
