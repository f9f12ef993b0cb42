/**
 * Relatedness from the citation graph: a sparse in-memory {@link org.paperlens.citation.graph.CitationGraph}
 * built from citation edges, the neighbours of a paper by co-citation, bibliographic coupling and
 * one-step citation paths ({@link org.paperlens.citation.graph.GraphRanker}) with their reasons in
 * words, and the fusion of such a list with the text-based related papers
 * ({@link org.paperlens.citation.graph.GraphFusion}). Knows nothing of storage or the index: it is
 * given edges and ranked lists, so the same code serves the evaluation and the product:
 * {@link org.paperlens.citation.graph.GraphRelevance#DEFAULT} is the one set of choices both use, and
 * {@link org.paperlens.citation.graph.CachedGraph} keeps the server's graph of the stored edges,
 * rebuilt off the request path.
 */
package org.paperlens.citation.graph;
