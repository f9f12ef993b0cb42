/**
 * Measuring relevance: BEIR judgements ({@link org.paperlens.eval.Qrels}) and queries
 * ({@link org.paperlens.eval.Queries}), rankings ({@link org.paperlens.eval.Run}) and their TREC
 * run files ({@link org.paperlens.eval.TrecRunFile}), the metrics as {@code trec_eval} computes
 * them ({@link org.paperlens.eval.Metrics}), the {@link org.paperlens.eval.Evaluator} that runs a
 * {@link org.paperlens.eval.Retriever} over every judged query, and the
 * {@link org.paperlens.eval.RelevanceReport} that writes the numbers into {@code docs/}.
 *
 * <p>Why match {@code trec_eval} to the letter: the numbers are set beside published ones (BEIR
 * reports {@code trec_eval}'s definitions through pytrec_eval), and a run file written here gives
 * the same figures when fed to {@code trec_eval -c -m ndcg_cut.10 -m recall.100}.
 */
package org.paperlens.eval;
