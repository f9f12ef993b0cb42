package org.paperlens.index;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ranking parameters of the keyword retriever.
 *
 * <p>Defaults: BM25 with k1 = 0.9, b = 0.4 (the values Anserini's BEIR baselines use); title
 * weight 0.3 against the abstract's 1.0, the best of 0.1 to 2 on the SciFact train split (809
 * queries: nDCG@10 0.698 at 0.3 against 0.673 at 1.0; see docs/relevance.md). A title matters
 * less than it seems because the abstract repeats its words; exact titles are pinned anyway.
 * Vectors: {@link VectorQuantization#DEFAULT}, chosen on recall, latency and bytes (docs/benchmarks.md);
 * with it, the {@link VectorCodes} of a new index (the configured model's centre, set by
 * {@code config.Config}; {@link VectorCodes#UNCENTRED} here, since these defaults know no model).
 */
public record IndexSettings(float k1, float b, Map<String, Float> fieldBoosts, VectorQuantization quantization,
    VectorCodes codes) {

  public static final IndexSettings DEFAULT = new IndexSettings(0.9f, 0.4f, boosts(0.3f, 1.0f, 0.5f));

  public IndexSettings {
    fieldBoosts = Map.copyOf(fieldBoosts);
    java.util.Objects.requireNonNull(quantization, "quantization");
    java.util.Objects.requireNonNull(codes, "codes");
  }

  public IndexSettings(float k1, float b, Map<String, Float> fieldBoosts, VectorQuantization quantization) {
    this(k1, b, fieldBoosts, quantization, VectorCodes.UNCENTRED);
  }

  /** Keyword parameters with the default vector quantisation. */
  public IndexSettings(float k1, float b, Map<String, Float> fieldBoosts) {
    this(k1, b, fieldBoosts, VectorQuantization.DEFAULT);
  }

  /** The same settings with vectors quantised as {@code q}; only a rebuild applies it to an existing index. */
  public IndexSettings withQuantization(VectorQuantization q) {
    return new IndexSettings(k1, b, fieldBoosts, q, codes);
  }

  /** The same settings with new indexes' vectors coded as {@code c}; an existing index keeps the codes it was built with. */
  public IndexSettings withCodes(VectorCodes c) {
    return new IndexSettings(k1, b, fieldBoosts, quantization, c);
  }

  public static Map<String, Float> boosts(float title, float abstractText, float authors) {
    Map<String, Float> m = new LinkedHashMap<>();
    m.put(PaperFields.TITLE, title);
    m.put(PaperFields.ABSTRACT, abstractText);
    m.put(PaperFields.AUTHORS, authors);
    return m;
  }
}
