package org.paperlens.search;

import java.util.Locale;

/** How a query is matched: by its words, by its meaning, or both fused. */
public sealed interface SearchMode {

  /** BM25 over the query language. */
  record Keyword() implements SearchMode {}

  /** Nearest neighbours of the query's embedding. */
  record Semantic() implements SearchMode {}

  /** Both retrievers, combined by {@code fusion}. */
  record Hybrid(Fusion fusion) implements SearchMode {}

  Keyword KEYWORD = new Keyword();
  Semantic SEMANTIC = new Semantic();

  /** The name used on the command line, in URLs and in reports. */
  default String label() {
    return switch (this) {
      case Keyword k -> "keyword";
      case Semantic s -> "semantic";
      case Hybrid h -> "hybrid";
    };
  }

  /** Parses {@code keyword}, {@code semantic} or {@code hybrid} (with the default fusion). */
  static SearchMode parse(String name, Fusion hybridFusion) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "keyword", "lexical", "bm25" -> KEYWORD;
      case "semantic", "dense", "vector" -> SEMANTIC;
      case "hybrid" -> new Hybrid(hybridFusion);
      default -> throw new IllegalArgumentException(
          "unknown search mode '" + name + "'; use keyword, semantic or hybrid");
    };
  }
}
