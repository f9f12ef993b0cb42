package org.paperlens.index.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The embedded index's text analysis (tokens, stems, their surface forms) behind a type that names
 * no Lucene class. Why: the SolrCloud engine mirrors this analysis so that both engines pick the
 * same more-like-this terms and author filters, but only this package may import Lucene.
 * Thread-safe, as the analyzer it wraps.
 */
public final class TextAnalysis {

  private final Analyzer analyzer;

  private TextAnalysis(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The analysis every paper field is indexed with. */
  public static TextAnalysis papers() {
    return new TextAnalysis(PaperAnalyzer.create());
  }

  /** The terms {@code text} gives in {@code field}, in order. */
  public List<String> tokens(String field, String text) {
    return Snippets.tokens(analyzer, field, text);
  }

  /** Each stem of a paper's title and abstract, with the word it most often comes from. */
  public Map<String, String> surfaceForms(String title, String abstractText) throws IOException {
    return MoreLikeThisQuery.surfaceForms(analyzer, title, abstractText);
  }

  /** The stems of a paper's title and abstract. */
  public Set<String> stemsOf(String title, String abstractText) {
    return MoreLikeThisQuery.stemsOf(analyzer, title, abstractText);
  }
}
