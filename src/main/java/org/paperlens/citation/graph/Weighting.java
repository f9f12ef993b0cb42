package org.paperlens.citation.graph;

/**
 * How the shared papers behind a graph neighbour become a score. The raw counts stay in
 * {@link GraphNeighbour} for the reasons shown to people; only the ranking uses the weighting.
 * Chosen by measurement on the tuning half of CiteSeer's held-out links (docs/relevance.md).
 */
public enum Weighting {

  /** Every shared paper counts 1: a paper's most co-cited neighbours are usually the most cited ones. */
  COUNT,

  /**
   * Salton's cosine: the count divided by the square root of the product of both papers' degrees
   * in that relation (citers for co-citation, references for coupling), so a paper with a long
   * reference list or many citers does not dominate every neighbourhood.
   */
  COSINE,

  /**
   * Each shared paper weighs 1 / ln(1 + n), n being how many papers it links on the far side
   * (a citer's references, a reference's citers), as Adamic and Adar weigh common neighbours: a
   * survey citing 200 papers says less about any two of them than a paper citing five.
   */
  IDF
}
