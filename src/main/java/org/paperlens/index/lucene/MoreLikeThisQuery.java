package org.paperlens.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.Query;
import org.paperlens.index.PaperFields;

/**
 * Builds the lexical half of related papers: the source paper's most distinctive terms (by
 * tf-idf over title and abstract), and maps those stemmed terms back to words a person reads.
 * Not thread-safe; make one per request (it is cheap).
 */
public final class MoreLikeThisQuery {

  /** Enough terms to characterise an abstract; more only adds noise and cost. Solr's reader picks as many. */
  public static final int MAX_TERMS = 25;
  /** A word no other paper has cannot relate it to anything. */
  public static final int MIN_DOC_FREQ = 2;

  private final MoreLikeThis mlt;
  private final Analyzer analyzer;

  MoreLikeThisQuery(IndexReader reader, Analyzer analyzer) throws IOException {
    this.analyzer = analyzer;
    this.mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {PaperFields.TITLE, PaperFields.ABSTRACT});
    mlt.setMinTermFreq(1); // abstracts are short: a word used once can still be the topic
    mlt.setMinDocFreq(MIN_DOC_FREQ);
    mlt.setMaxQueryTerms(MAX_TERMS);
    mlt.setBoost(true);
    mlt.setStopWords(FunctionWords.STEMS);
  }

  Query query(int docId) throws IOException {
    return mlt.like(docId);
  }

  /** The interesting stemmed terms of {@code docId}, best first. */
  List<String> stems(int docId) throws IOException {
    return List.of(mlt.retrieveInterestingTerms(docId));
  }

  /** Each stem's first surface form in the paper's own text ({@code molecul} becomes {@code molecules}). */
  Map<String, String> surfaceForms(Document doc) throws IOException {
    return surfaceForms(analyzer, doc.get(PaperFields.TITLE), doc.get(PaperFields.ABSTRACT));
  }

  /** {@link #surfaceForms(Document)} of a paper's stored title and abstract (either may be null). */
  public static Map<String, String> surfaceForms(Analyzer analyzer, String title, String abstractText) throws IOException {
    Map<String, String> forms = new HashMap<>();
    String[] texts = {title, abstractText};
    String[] fields = {PaperFields.TITLE, PaperFields.ABSTRACT};
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i];
      String text = texts[i];
      if (text == null) {
        continue;
      }
      try (TokenStream ts = analyzer.tokenStream(field, text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          forms.putIfAbsent(term.toString(), text.substring(offset.startOffset(), offset.endOffset()).toLowerCase());
        }
        ts.end();
      }
    }
    return forms;
  }

  /** The set of stemmed terms in a document's title and abstract. */
  Set<String> stemsOf(Document doc) {
    return stemsOf(analyzer, doc.get(PaperFields.TITLE), doc.get(PaperFields.ABSTRACT));
  }

  /** {@link #stemsOf(Document)} of a paper's stored title and abstract (either may be null). */
  public static Set<String> stemsOf(Analyzer analyzer, String title, String abstractText) {
    Set<String> out = new LinkedHashSet<>();
    if (title != null) {
      out.addAll(Snippets.tokens(analyzer, PaperFields.TITLE, title));
    }
    if (abstractText != null) {
      out.addAll(Snippets.tokens(analyzer, PaperFields.ABSTRACT, abstractText));
    }
    return out;
  }
}
