package org.paperlens.index.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.paperlens.index.PaperFields;
import org.paperlens.index.PaperFields;

/**
 * The text analysis of each {@link PaperFields field}: English (Porter stemming, stop words) for
 * text, ASCII-folded lower case without stemming for author names. The SolrCloud schema
 * ({@code solr/configset/schema.xml}) declares the same analysis, and the Solr client uses this
 * one to mirror it (more-like-this terms, author phrases).
 */
public final class PaperAnalyzer {

  private PaperAnalyzer() {}

  /** A new analyzer; thread-safe (Lucene analyzers reuse per-thread token streams). */
  public static Analyzer create() {
    Analyzer names = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream sink = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, sink);
      }
    };
    return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(PaperFields.AUTHORS, names));
  }
}
