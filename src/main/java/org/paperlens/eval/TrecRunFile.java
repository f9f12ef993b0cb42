package org.paperlens.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperlens.common.BadInputException;

/**
 * TREC run files, the format {@code trec_eval} and pytrec_eval read: one line per retrieved
 * document, {@code qid Q0 docid rank score tag}, separated by single spaces.
 *
 * <p>Written rankings are in {@link Run#TREC_EVAL_ORDER} with ranks from 1, so the rank column
 * agrees with the order {@code trec_eval} computes from the scores. Scores are written with
 * {@link Double#toString}, the shortest text that reads back as the same number, so rounding
 * cannot create ties that {@code trec_eval} would then break differently. A query with an empty
 * ranking has no lines (the format cannot say "retrieved nothing"); {@link Metrics} scores such a
 * query 0, as {@code trec_eval -c} does.
 */
public final class TrecRunFile {

  private TrecRunFile() {}

  /**
   * Writes the run, replacing {@code file} whole (never half-written).
   *
   * @param tag the run's name in the last column: one token, no whitespace
   */
  public static void write(Run run, String tag, Path file) throws IOException {
    if (tag == null || tag.isEmpty() || tag.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("run tag must be one non-empty token, not '" + tag + "'");
    }
    AtomicWrite.to(file, out -> {
      for (String query : run.queryIds()) {
        int rank = 1;
        for (ScoredDoc d : run.ranking(query)) {
          out.write(query + " Q0 " + d.docId() + " " + rank++ + " " + d.score() + " " + tag);
          out.newLine();
        }
      }
    });
  }

  /**
   * Reads a run file as {@code trec_eval} does: fields split on whitespace, blank lines and lines
   * starting with {@code #} skipped, the rank column and tag ignored (ranks come from the
   * scores), fields after the tag ignored. Queries keep the order they first appear in.
   *
   * @throws BadInputException naming every bad line: fewer than six fields, a score that is not a
   *     finite number, or a document listed twice for one query
   */
  public static Run read(Path file) throws IOException {
    Map<String, List<ScoredDoc>> retrieved = new LinkedHashMap<>();
    Map<String, Set<String>> seen = new HashMap<>();
    TextLines.read(file, (number, line) -> {
      if (line.strip().startsWith("#")) {
        return;
      }
      String[] f = TextLines.fields(line);
      if (f.length < 6) {
        throw new TextLines.BadLine("expected 'qid Q0 docid rank score tag', found " + f.length + " fields");
      }
      double score;
      try {
        score = Double.parseDouble(f[4]);
      } catch (NumberFormatException e) {
        throw new TextLines.BadLine("score '" + f[4] + "' is not a number");
      }
      if (!Double.isFinite(score)) {
        throw new TextLines.BadLine("score '" + f[4] + "' is not a finite number");
      }
      if (!seen.computeIfAbsent(f[0], q -> new HashSet<>()).add(f[2])) {
        throw new TextLines.BadLine("query " + f[0] + " lists document " + f[2] + " twice");
      }
      retrieved.computeIfAbsent(f[0], q -> new ArrayList<>()).add(new ScoredDoc(f[2], score));
    });
    if (retrieved.isEmpty()) {
      throw new BadInputException(file.toString(), "no ranked documents");
    }
    return Run.of(retrieved);
  }
}
