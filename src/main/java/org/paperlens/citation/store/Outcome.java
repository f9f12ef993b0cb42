package org.paperlens.citation.store;

/** Where a paper stands with one source in the enrichment queue (column {@code enrichment.outcome}). */
public enum Outcome {
  /** Queued, never asked: asked before every other due paper. */
  PENDING,
  /** The source knows the paper; its answer is stored. */
  FOUND,
  /** The source answered that it does not know the id. */
  UNKNOWN,
  /** The source's answer could not be used. */
  BAD
}
