package org.paperlens.eval;

/** The outcome of evaluating one search mode: its name, the rankings it produced, and their scores. */
public record Evaluation(String mode, Run run, Scores scores) {

  /** Shorthand for {@code scores().mean(metric)}. */
  public double mean(Metric metric) {
    return scores.mean(metric);
  }
}
