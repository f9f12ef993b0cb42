package org.paperlens.related;

import java.util.List;
import java.util.stream.Collectors;
import org.paperlens.paper.PaperId;

/** The paper (or papers) asked about is not in the index (never imported, deleted, or the index is stale). */
public final class UnknownPaperException extends RuntimeException {
  public UnknownPaperException(PaperId id) {
    this(List.of(id));
  }

  /** Names every unknown paper, so one answer fixes the whole request. */
  public UnknownPaperException(List<PaperId> ids) {
    super((ids.size() == 1 ? "no paper '" + ids.getFirst() + "'" : "no papers "
        + ids.stream().map(i -> "'" + i + "'").collect(Collectors.joining(", ")))
        + " in the index (check the id; after an import, run 'paperlens reindex')");
  }
}
