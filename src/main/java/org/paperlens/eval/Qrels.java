package org.paperlens.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperlens.common.BadInputException;

/**
 * Relevance judgements: for each query, the documents judged and their grades.
 *
 * <p>A grade above 0 means relevant (and is the gain in nDCG); 0 or below means judged not
 * relevant. A document with no judgement counts as not relevant. Immutable; queries keep the
 * order of the file.
 */
public final class Qrels {

  private static final List<String> BEIR_HEADER = List.of("query-id", "corpus-id", "score");

  private final Map<String, Map<String, Integer>> byQuery;

  private Qrels(Map<String, Map<String, Integer>> byQuery) {
    if (byQuery.isEmpty()) {
      throw new IllegalArgumentException("qrels without a single judgement");
    }
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    byQuery.forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
    this.byQuery = Collections.unmodifiableMap(copy);
  }

  /** Judgements given directly: query id to (document id to grade). */
  public static Qrels of(Map<String, Map<String, Integer>> byQuery) {
    return new Qrels(byQuery);
  }

  /**
   * Reads BEIR's {@code qrels/*.tsv} ({@code query-id corpus-id score}, header line) or TREC's
   * qrels ({@code qid iter docno rel}, no header; iter ignored). Fields are separated by
   * whitespace, as {@code trec_eval} reads them.
   *
   * @throws BadInputException naming every bad line (file:line and why): a malformed line, a
   *     grade that is not an integer, a document judged twice for one query, or no judgements
   */
  public static Qrels read(Path file) throws IOException {
    Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
    boolean[] first = {true};
    TextLines.read(file, (number, line) -> {
      String[] f = TextLines.fields(line);
      boolean header = first[0] && Arrays.asList(f).equals(BEIR_HEADER);
      first[0] = false;
      if (!header) {
        addJudgement(byQuery, f);
      }
    });
    if (byQuery.isEmpty()) {
      throw new BadInputException(file.toString(), "no judgements");
    }
    return new Qrels(byQuery);
  }

  private static void addJudgement(Map<String, Map<String, Integer>> byQuery, String[] f) {
    if (f.length != 3 && f.length != 4) {
      throw new TextLines.BadLine("expected 'query-id corpus-id score' (or TREC's 'qid iter docno rel'), found "
          + f.length + " fields");
    }
    String query = f[0];
    String doc = f[f.length - 2];
    String grade = f[f.length - 1];
    int value;
    try {
      value = Integer.parseInt(grade);
    } catch (NumberFormatException e) {
      throw new TextLines.BadLine("grade '" + grade + "' is not an integer");
    }
    Integer before = byQuery.computeIfAbsent(query, q -> new LinkedHashMap<>()).putIfAbsent(doc, value);
    if (before != null) {
      throw new TextLines.BadLine("query " + query + " judges document " + doc + " twice");
    }
  }

  /** The queries with at least one judgement (relevant or not), in file order. */
  public Set<String> queryIds() {
    return byQuery.keySet();
  }

  /** Document id to grade for one query; empty when the query has no judgements. */
  public Map<String, Integer> judgements(String queryId) {
    return byQuery.getOrDefault(queryId, Map.of());
  }

  public int queryCount() {
    return byQuery.size();
  }

  /** The number of (query, document) judgements, relevant or not. */
  public int judgementCount() {
    return byQuery.values().stream().mapToInt(Map::size).sum();
  }
}
