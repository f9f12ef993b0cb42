package org.paperlens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.SmallFloat;

/**
 * Reads {@link PaperFeatures} straight from the index: vectors from the vector field, term
 * weights from the postings of the vocabulary's terms. Never re-analyses candidates' text, so
 * the cost is one pass over the vocabulary's postings plus one vector copy per candidate.
 * One instance per request.
 */
final class FeatureReader {

  private static final String[] TEXT_FIELDS = {PaperFields.TITLE, PaperFields.ABSTRACT};
  private static final float K1 = 1.2f;
  private static final float B = 0.75f;

  private final IndexSearcher searcher;
  private final DirectoryReader reader;
  private final MoreLikeThisQuery mlt;

  FeatureReader(IndexSearcher searcher, DirectoryReader reader, MoreLikeThisQuery mlt) {
    this.searcher = searcher;
    this.reader = reader;
    this.mlt = mlt;
  }

  /**
   * @param profileDocs Lucene doc ids of the profile papers
   * @param window the candidates; null for none (profile rows only)
   */
  PaperFeatures read(int[] profileDocs, Query window, java.util.function.IntFunction<org.paperlens.paper.PaperId> idOfDoc)
      throws IOException {
    int[] docs = rowsToDocs(profileDocs, window);
    int[] rowOf = new int[reader.maxDoc()];
    Arrays.fill(rowOf, -1);
    for (int row = 0; row < docs.length; row++) {
      if (rowOf[docs[row]] < 0) {
        rowOf[docs[row]] = row;
      }
    }
    Map<String, String> words = new LinkedHashMap<>();
    for (int doc : profileDocs) {
      Map<String, String> forms = mlt.surfaceForms(searcher.storedFields().document(doc));
      for (String stem : mlt.stems(doc)) {
        words.putIfAbsent(stem, forms.getOrDefault(stem, stem));
      }
    }
    List<String> stems = new ArrayList<>(words.keySet());
    Terms[] terms = termWeights(stems, docs.length, rowOf);
    float[][] vectors = vectors(docs);
    // The same paper may be both a profile row and (if asked twice) another profile row: copy.
    for (int row = 0; row < docs.length; row++) {
      int first = rowOf[docs[row]];
      if (first != row) {
        terms[row] = terms[first];
      }
    }
    PaperFeatures.Terms[] out = new PaperFeatures.Terms[docs.length];
    for (int row = 0; row < docs.length; row++) {
      out[row] = terms[row] == null ? PaperFeatures.Terms.NONE : terms[row].freeze();
    }
    return new PaperFeatures(profileDocs.length, vectors, out, new ArrayList<>(words.values()),
        row -> idOfDoc.apply(docs[row]));
  }

  /** Profile docs first, then every live doc the window matches that is not a profile doc, ascending. */
  private int[] rowsToDocs(int[] profileDocs, Query window) throws IOException {
    Set<Integer> profile = new java.util.HashSet<>();
    for (int d : profileDocs) {
      profile.add(d);
    }
    int[] out = Arrays.copyOf(profileDocs, profileDocs.length + 1024);
    int n = profileDocs.length;
    if (window != null) {
      Weight weight = searcher.createWeight(searcher.rewrite(window), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext leaf : reader.leaves()) {
        ScorerSupplier supplier = weight.scorerSupplier(leaf);
        if (supplier == null) {
          continue;
        }
        Scorer scorer = supplier.get(Long.MAX_VALUE);
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator it = scorer.iterator();
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          int doc = leaf.docBase + d;
          if ((live == null || live.get(d)) && !profile.contains(doc)) {
            if (n == out.length) {
              out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = doc;
          }
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  private float[][] vectors(int[] docs) throws IOException {
    float[][] out = new float[docs.length][];
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    List<LeafReaderContext> leaves = reader.leaves();
    int leafIndex = -1;
    FloatVectorValues values = null;
    KnnVectorValues.DocIndexIterator it = null;
    LeafReaderContext leaf = null;
    for (int row : order) {
      int doc = docs[row];
      while (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(++leafIndex);
        values = leaf.reader().getFloatVectorValues(PaperFields.VECTOR);
        it = values == null ? null : values.iterator();
      }
      if (it == null) {
        continue;
      }
      int local = doc - leaf.docBase;
      int at = it.docID() >= local ? it.docID() : it.advance(local);
      if (at == local) {
        out[row] = values.vectorValue(it.index()).clone();
      } else if (at == DocIdSetIterator.NO_MORE_DOCS) {
        it = null;
      }
    }
    return out;
  }

  private Terms[] termWeights(List<String> stems, int rows, int[] rowOf) throws IOException {
    Terms[] out = new Terms[rows];
    Map<String, float[]> fieldStats = new HashMap<>();
    for (String field : TEXT_FIELDS) {
      CollectionStatistics stats = searcher.collectionStatistics(field);
      fieldStats.put(field, stats == null ? null : new float[] {stats.docCount(), (float) stats.sumTotalTermFreq() / stats.docCount()});
    }
    for (int t = 0; t < stems.size(); t++) {
      for (String field : TEXT_FIELDS) {
        float[] stats = fieldStats.get(field);
        if (stats == null) {
          continue;
        }
        Term term = new Term(field, stems.get(t));
        int df = reader.docFreq(term);
        if (df == 0) {
          continue;
        }
        float idf = (float) Math.log(1 + (stats[0] - df + 0.5) / (df + 0.5));
        for (LeafReaderContext leaf : reader.leaves()) {
          addPostings(leaf, term, t, idf, stats[1], rowOf, out);
        }
      }
    }
    return out;
  }

  private static void addPostings(LeafReaderContext leaf, Term term, int t, float idf, float avgLength, int[] rowOf,
      Terms[] out) throws IOException {
    LeafReader r = leaf.reader();
    PostingsEnum postings = r.postings(term, PostingsEnum.FREQS);
    if (postings == null) {
      return;
    }
    NumericDocValues norms = r.getNormValues(term.field());
    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
      int row = rowOf[leaf.docBase + d];
      if (row < 0) {
        continue;
      }
      float length = avgLength;
      if (norms != null && norms.advanceExact(d)) {
        length = SmallFloat.byte4ToInt((byte) norms.longValue());
      }
      float tf = postings.freq();
      float weight = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgLength));
      if (out[row] == null) {
        out[row] = new Terms();
      }
      out[row].add(t, weight);
    }
  }

  /** A growing sparse row; terms arrive in ascending order, a term's title and abstract weights add up. */
  private static final class Terms {
    private int[] indices = new int[8];
    private float[] weights = new float[8];
    private int size;

    void add(int t, float w) {
      if (size > 0 && indices[size - 1] == t) {
        weights[size - 1] += w;
        return;
      }
      if (size == indices.length) {
        indices = Arrays.copyOf(indices, size * 2);
        weights = Arrays.copyOf(weights, size * 2);
      }
      indices[size] = t;
      weights[size++] = w;
    }

    PaperFeatures.Terms freeze() {
      return new PaperFeatures.Terms(Arrays.copyOf(indices, size), Arrays.copyOf(weights, size));
    }
  }
}
