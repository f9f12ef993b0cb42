package org.paperlens.index;

import java.util.List;
import java.util.function.IntFunction;
import org.paperlens.paper.PaperId;

/**
 * What a learned ranking needs of many papers at once: each paper's dense vector and its weights
 * over a small vocabulary (the distinctive words of a profile of papers). Rows {@code 0 ..
 * profileSize()-1} are the profile papers in the order asked for; the rest are the candidates, in
 * index order, the profile papers excluded.
 *
 * <p>Term weights are BM25 term scores (saturated term frequency times idf, length-normalised),
 * summed over title and abstract, so they mean the same for every row. Ids are resolved lazily
 * from the index that made this object: use it only while that index is open. Not thread-safe.
 */
public final class PaperFeatures {

  /** A paper's weights over the vocabulary: term indices ascending, weights positive. */
  public record Terms(int[] indices, float[] weights) {
    public static final Terms NONE = new Terms(new int[0], new float[0]);

    public int size() {
      return indices.length;
    }
  }

  private final int profileSize;
  private final float[][] vectors;
  private final Terms[] terms;
  private final List<String> vocabulary;
  private final IntFunction<PaperId> ids;
  private final PaperId[] resolved;

  public PaperFeatures(int profileSize, float[][] vectors, Terms[] terms, List<String> vocabulary, IntFunction<PaperId> ids) {
    this.profileSize = profileSize;
    this.vectors = vectors;
    this.terms = terms;
    this.vocabulary = List.copyOf(vocabulary);
    this.ids = ids;
    this.resolved = new PaperId[vectors.length];
  }

  public int profileSize() {
    return profileSize;
  }

  /** Profile papers plus candidates. */
  public int size() {
    return vectors.length;
  }

  /** The paper's vector (unit length), or null when it has none. */
  public float[] vector(int row) {
    return vectors[row];
  }

  public Terms terms(int row) {
    return terms[row];
  }

  /** The vocabulary as words a person reads ({@code molecules}, not the stem {@code molecul}). */
  public List<String> vocabulary() {
    return vocabulary;
  }

  /** Resolves every row's id now, so this object no longer needs the index that made it. */
  public void resolveAll() {
    for (int row = 0; row < resolved.length; row++) {
      id(row);
    }
  }

  /** Costs an index look-up the first time, unless {@link #resolveAll} ran. */
  public PaperId id(int row) {
    if (resolved[row] == null) {
      resolved[row] = ids.apply(row);
    }
    return resolved[row];
  }
}
