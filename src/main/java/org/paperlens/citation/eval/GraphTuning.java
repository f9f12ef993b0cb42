package org.paperlens.citation.eval;

import java.util.ArrayList;
import java.util.List;
import org.paperlens.citation.graph.GraphFusion;
import org.paperlens.citation.graph.GraphRanker;
import org.paperlens.citation.graph.Weighting;
import org.paperlens.paper.PaperId;

/**
 * Chooses the graph ranking and the fusion on the tuning half of the queries only, so the
 * reported half is untouched by every choice: first the weighting (with or without bridges) by
 * graph-only nDCG@10, then the fusion by fused nDCG@10 with that graph ranking.
 *
 * @param rows the tuning table, one Markdown row per variant tried, in the order tried
 */
public record GraphTuning(GraphRanker.Settings settings, GraphFusion fusion, List<String> rows) {

  /** The graph rankings tried: every weighting, with and without bridges. */
  static List<GraphRanker.Settings> settingsTried() {
    List<GraphRanker.Settings> out = new ArrayList<>();
    for (boolean bridges : new boolean[] {false, true}) {
      for (Weighting w : Weighting.values()) {
        out.add(new GraphRanker.Settings(w, bridges));
      }
    }
    return out;
  }

  /** The fusions tried: weighted sums of max-scaled scores, and weighted reciprocal ranks. */
  static List<GraphFusion> fusionsTried() {
    List<GraphFusion> out = new ArrayList<>();
    for (double w : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}) {
      out.add(new GraphFusion.WeightedSum(w));
    }
    for (int k : new int[] {60, 10}) {
      for (double w : new double[] {0.3, 0.5, 0.7}) {
        out.add(new GraphFusion.ReciprocalRank(k, w));
      }
    }
    return out;
  }

  public static GraphTuning on(GraphEvaluation eval, List<PaperId> tune) {
    List<String> rows = new ArrayList<>();
    rows.add(row("text only", eval.text(tune)));
    GraphRanker.Settings bestSettings = null;
    double best = -1;
    for (GraphRanker.Settings s : settingsTried()) {
      GraphEvaluation.Score score = eval.graph(tune, s);
      rows.add(row("graph only: " + s.label(), score));
      if (score.ndcg() > best) {
        best = score.ndcg();
        bestSettings = s;
      }
    }
    GraphFusion bestFusion = null;
    best = -1;
    for (GraphFusion f : fusionsTried()) {
      GraphEvaluation.Score score = eval.fused(tune, bestSettings, f);
      rows.add(row("fused (" + bestSettings.label() + "): " + label(f), score));
      if (score.ndcg() > best) {
        best = score.ndcg();
        bestFusion = f;
      }
    }
    return new GraphTuning(bestSettings, bestFusion, List.copyOf(rows));
  }

  /** For tables: "sum, graph weight 0.3" or "rrf k=60, graph weight 0.5". */
  public static String label(GraphFusion f) {
    return switch (f) {
      case GraphFusion.WeightedSum s -> "sum, graph weight " + s.graphWeight();
      case GraphFusion.ReciprocalRank r -> "rrf k=" + r.rankConstant() + ", graph weight " + r.graphWeight();
    };
  }

  static String row(String name, GraphEvaluation.Score s) {
    return String.format("| %s | %.4f | %.4f | %,d |", name, s.ndcg(), s.recall(), s.queries());
  }
}
