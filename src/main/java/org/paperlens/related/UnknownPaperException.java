package org.paperlens.related;

import org.paperlens.paper.PaperId;

/** The paper asked about is not in the index (never imported, deleted, or the index is stale). */
public final class UnknownPaperException extends RuntimeException {
  public UnknownPaperException(PaperId id) {
    super("no paper '" + id + "' in the index (check the id; after an import, run 'paperlens reindex')");
  }
}
