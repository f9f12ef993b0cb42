package org.paperlens.index;

/**
 * What a search index covers, as searches see it now.
 *
 * @param seq the catalogue change number it is complete up to (its watermark): every change
 *     numbered at most this is searchable; 0 for an index built before watermarks existed
 * @param papers papers indexed
 * @param withVector papers that can be found by meaning (they have an embedding)
 */
public record IndexCoverage(long seq, int papers, int withVector) {

  public static final IndexCoverage NONE = new IndexCoverage(0, 0, 0);

  /** True when some indexed papers cannot be found by meaning yet. */
  public boolean partialMeaning() {
    return withVector < papers;
  }
}
