package org.paperlens.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.paperlens.index.Filters;
import org.paperlens.index.LexicalNeighbours;
import org.paperlens.index.PaperFeatures;
import org.paperlens.index.PaperFields;
import org.paperlens.paper.PaperId;

/**
 * The reads of the embedded index that work from a paper's distinctive terms: more-like-this, the
 * terms two papers share, and feature rows for the learned recommender ({@link FeatureReader}).
 * Each works with the one searcher the caller acquired. Thread-safe.
 */
final class TermReads {

  private final Analyzer analyzer;
  private final LuceneSearches searches;

  TermReads(Analyzer analyzer, LuceneSearches searches) {
    this.analyzer = analyzer;
    this.searches = searches;
  }

  LexicalNeighbours moreLikeThis(IndexSearcher s, PaperId id, Filters filters, int k) throws IOException {
    OptionalInt doc = LuceneSearches.docOf(s, id);
    if (doc.isEmpty()) {
      return new LexicalNeighbours(List.of(), List.of());
    }
    MoreLikeThisQuery mlt = new MoreLikeThisQuery(s.getIndexReader(), analyzer);
    Query like = new BooleanQuery.Builder()
        .add(mlt.query(doc.getAsInt()), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(PaperFields.ID, id.value())), BooleanClause.Occur.MUST_NOT)
        .build();
    List<String> stems = mlt.stems(doc.getAsInt());
    List<String> words = ReasonWords.of(stems, mlt.surfaceForms(s.storedFields().document(doc.getAsInt())),
        docFreqs(s.getIndexReader()), s.getIndexReader().numDocs());
    return new LexicalNeighbours(LuceneSearches.run(s, searches.withFilters(like, filters), k), words);
  }

  Map<PaperId, List<String>> sharedTerms(IndexSearcher s, PaperId source, List<PaperId> candidates) throws IOException {
    Map<PaperId, List<String>> out = new LinkedHashMap<>();
    OptionalInt doc = LuceneSearches.docOf(s, source);
    if (doc.isEmpty()) {
      return out;
    }
    MoreLikeThisQuery mlt = new MoreLikeThisQuery(s.getIndexReader(), analyzer);
    List<String> stems = mlt.stems(doc.getAsInt());
    Map<String, String> forms = mlt.surfaceForms(s.storedFields().document(doc.getAsInt()));
    java.util.function.ToIntFunction<String> docFreq = docFreqs(s.getIndexReader());
    int papers = s.getIndexReader().numDocs();
    for (PaperId candidate : candidates) {
      OptionalInt other = LuceneSearches.docOf(s, candidate);
      if (other.isPresent()) {
        java.util.Set<String> has = mlt.stemsOf(s.storedFields().document(other.getAsInt()));
        out.put(candidate, ReasonWords.of(stems.stream().filter(has::contains).toList(), forms, docFreq, papers));
      }
    }
    return out;
  }

  /** A stem's document frequency, the larger of title's and abstract's: how common a shared word is. */
  private static java.util.function.ToIntFunction<String> docFreqs(org.apache.lucene.index.IndexReader reader) {
    Map<String, Integer> seen = new java.util.HashMap<>();
    return stem -> seen.computeIfAbsent(stem, t -> {
      try {
        return Math.max(reader.docFreq(new Term(PaperFields.TITLE, t)), reader.docFreq(new Term(PaperFields.ABSTRACT, t)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** @param vectors how the index keeps vectors, so byte codes are decoded with the codes they were written with */
  PaperFeatures features(IndexSearcher s, List<PaperId> profile, Filters window, VectorField vectors) throws IOException {
    int[] docs = new int[profile.size()];
    for (int i = 0; i < docs.length; i++) {
      PaperId id = profile.get(i);
      docs[i] = LuceneSearches.docOf(s, id).orElseThrow(() -> new IllegalArgumentException("paper not in the index: " + id));
    }
    Query candidates = window.isEmpty() ? new MatchAllDocsQuery() : searches.filterQuery(window);
    DocIds ids = new DocIds(s.getIndexReader());
    PaperFeatures features = new FeatureReader(s, (DirectoryReader) s.getIndexReader(), analyzer, vectors).read(docs, candidates, doc -> {
      try {
        return ids.idOf(doc);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    // The searcher is released on return and a refresh may then close its reader: ids now.
    features.resolveAll();
    return features;
  }
}
