package org.paperlens.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.common.BadInputException;
import org.paperlens.common.Progress;

/**
 * Runs a retriever over every judged query of a benchmark and scores the rankings.
 *
 * <p>One thread, queries in file order: the same retriever gives the same run, byte for byte.
 * Cost: one {@link Retriever#search} per judged query.
 */
public final class Evaluator {

  private Evaluator() {}

  /** {@link #evaluate(String, Retriever, Queries, Qrels, int, Progress)} without progress reports. */
  public static Evaluation evaluate(String mode, Retriever retriever, Queries queries, Qrels qrels, int depth)
      throws BadInputException {
    return evaluate(mode, retriever, queries, qrels, depth, Progress.NONE);
  }

  /**
   * Searches for every query that has judgements (others in {@code queries} are not run), asking
   * for {@code depth} documents each, and scores the run against {@code qrels}.
   *
   * @param mode the name of the search mode, as the report will show it
   * @param depth documents per query; at least {@link Metric#deepestCutoff()} (100), as the
   *     metrics look that deep; 1000 is the usual depth of published runs
   * @throws BadInputException when a judged query has no text in {@code queries}
   * @throws IllegalArgumentException when {@code depth} is below 100
   * @throws IllegalStateException when the retriever breaks its contract (more than
   *     {@code depth} documents, or one document twice)
   */
  public static Evaluation evaluate(String mode, Retriever retriever, Queries queries, Qrels qrels, int depth,
      Progress progress) throws BadInputException {
    if (depth < Metric.deepestCutoff()) {
      throw new IllegalArgumentException("depth " + depth + " is below " + Metric.deepestCutoff()
          + ", the deepest cutoff measured");
    }
    Queries judged = queries.restrictTo(qrels);
    Map<String, List<ScoredDoc>> retrieved = new LinkedHashMap<>();
    progress.begin("eval " + mode, judged.size(), "queries");
    for (Queries.Query q : judged.all()) {
      List<ScoredDoc> docs = retriever.search(q.text(), depth);
      if (docs.size() > depth) {
        throw new IllegalStateException("mode " + mode + " returned " + docs.size() + " documents for query "
            + q.id() + " when asked for " + depth);
      }
      retrieved.put(q.id(), docs);
      progress.advanceTo(retrieved.size(), q.id());
    }
    progress.end();
    Run run;
    try {
      run = Run.of(retrieved);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("mode " + mode + ": " + e.getMessage(), e);
    }
    return new Evaluation(mode, run, Metrics.score(run, qrels));
  }
}
