/**
 * The held-out-link evaluation of related papers on a citation benchmark (CiteSeer): which links
 * are hidden ({@link org.paperlens.citation.eval.HeldOutLinks}), how text, graph and fused rankings
 * are scored on them ({@link org.paperlens.citation.eval.GraphEvaluation}), and the choice of graph
 * weighting and fusion on a tuning half of the queries ({@link org.paperlens.citation.eval.GraphTuning}).
 * The command is {@code paperlens eval-graph}; the figures are in docs/relevance.md.
 */
package org.paperlens.citation.eval;
