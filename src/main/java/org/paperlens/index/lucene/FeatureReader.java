package org.paperlens.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.SmallFloat;
import org.paperlens.index.PaperFeatures;
import org.paperlens.index.PaperFields;

/**
 * Reads {@link PaperFeatures} straight from the index: vectors from the vector field, term
 * weights from the postings of the vocabulary's terms. Never re-analyses candidates' text, so
 * the cost is one pass over the vocabulary's postings plus one vector copy per candidate.
 * One instance per request.
 *
 * <p>Longer than 300 lines because choosing the vocabulary, the postings pass and the vector copy
 * share one request's document-id maps and leaf readers; split apart, each piece would have to be
 * handed all of them.
 */
final class FeatureReader {

  private static final String[] TEXT_FIELDS = {PaperFields.TITLE, PaperFields.ABSTRACT};
  /** As related papers' more-like-this: enough words to characterise an abstract. */
  private static final int TERMS_PER_PAPER = 25;
  /** A word no other paper has cannot relate a candidate to anything. */
  private static final int MIN_DOC_FREQ = 2;
  private static final float K1 = 1.2f;
  private static final float B = 0.75f;

  private final IndexSearcher searcher;
  private final DirectoryReader reader;
  private final org.apache.lucene.analysis.Analyzer analyzer;
  /** How the index keeps vectors: byte codes are decoded with the codes it recorded (centre added back). */
  private final VectorField vectors;

  FeatureReader(IndexSearcher searcher, DirectoryReader reader, org.apache.lucene.analysis.Analyzer analyzer, VectorField vectors) {
    this.searcher = searcher;
    this.reader = reader;
    this.analyzer = analyzer;
    this.vectors = vectors;
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
    Map<String, Integer> docFreqs = new HashMap<>();
    for (int doc : profileDocs) {
      addDistinctiveTerms(doc, docFreqs, words);
    }
    List<String> stems = new ArrayList<>(words.keySet());
    Terms[] terms = termWeights(stems, docs, rowOf);
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

  /**
   * Adds a profile paper's most distinctive stems (highest tf-idf over title and abstract, as
   * more-like-this picks them) with the word each stands for in its text. One analysis pass per
   * paper; document frequencies are shared across the profile, whose papers share many words.
   */
  private void addDistinctiveTerms(int doc, Map<String, Integer> docFreqs, Map<String, String> words)
      throws IOException {
    org.apache.lucene.document.Document stored = searcher.storedFields().document(doc, Set.of(TEXT_FIELDS));
    Map<String, Integer> tf = new HashMap<>();
    Map<String, String> forms = new HashMap<>();
    for (String field : TEXT_FIELDS) {
      String text = stored.get(field);
      if (text == null) {
        continue;
      }
      try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream(field, text)) {
        var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
        var offset = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          String stem = term.toString();
          tf.merge(stem, 1, Integer::sum);
          forms.putIfAbsent(stem, text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(java.util.Locale.ROOT));
        }
        ts.end();
      }
    }
    int numDocs = reader.numDocs();
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    for (var e : tf.entrySet()) {
      int df = docFreqs.computeIfAbsent(e.getKey(), this::docFreq);
      if (df >= MIN_DOC_FREQ && !FunctionWords.STEMS.contains(e.getKey())) {
        scored.add(Map.entry(e.getKey(), e.getValue() * (Math.log((double) numDocs / (df + 1)) + 1)));
      }
    }
    scored.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    for (var e : scored.subList(0, Math.min(TERMS_PER_PAPER, scored.size()))) {
      words.putIfAbsent(e.getKey(), forms.get(e.getKey()));
    }
  }

  /** The larger of the stem's title and abstract document frequencies. */
  private int docFreq(String stem) {
    try {
      int df = 0;
      for (String field : TEXT_FIELDS) {
        df = Math.max(df, reader.docFreq(new Term(field, stem)));
      }
      return df;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
    KnnVectorValues values = null;
    KnnVectorValues.DocIndexIterator it = null;
    LeafReaderContext leaf = null;
    for (int row : order) {
      int doc = docs[row];
      while (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(++leafIndex);
        values = VectorField.values(leaf.reader());
        it = values == null ? null : values.iterator();
      }
      if (it == null) {
        continue;
      }
      int local = doc - leaf.docBase;
      int at = it.docID() >= local ? it.docID() : it.advance(local);
      if (at == local) {
        out[row] = vectors.vector(values, it.index());
      } else if (at == DocIdSetIterator.NO_MORE_DOCS) {
        it = null;
      }
    }
    return out;
  }

  private Terms[] termWeights(List<String> stems, int[] docs, int[] rowOf) throws IOException {
    Terms[] out = new Terms[docs.length];
    int[] sorted = docs.clone();
    Arrays.sort(sorted);
    List<LeafReaderContext> leaves = reader.leaves();
    int[] from = new int[leaves.size()];
    int[] to = new int[leaves.size()];
    for (int l = 0; l < leaves.size(); l++) {
      LeafReaderContext leaf = leaves.get(l);
      from[l] = lowerBound(sorted, 0, sorted.length, leaf.docBase);
      to[l] = lowerBound(sorted, from[l], sorted.length, leaf.docBase + leaf.reader().maxDoc());
    }
    for (String field : TEXT_FIELDS) {
      CollectionStatistics stats = searcher.collectionStatistics(field);
      if (stats == null) {
        continue;
      }
      float avgLength = (float) stats.sumTotalTermFreq() / stats.docCount();
      org.apache.lucene.index.TermsEnum[] enums = new org.apache.lucene.index.TermsEnum[leaves.size()];
      PostingsEnum[] reuse = new PostingsEnum[leaves.size()];
      for (int l = 0; l < leaves.size(); l++) {
        org.apache.lucene.index.Terms terms = leaves.get(l).reader().terms(field);
        enums[l] = terms == null || from[l] == to[l] ? null : terms.iterator();
      }
      float[] lengths = lengths(field, sorted, leaves, from, to, avgLength);
      for (int t = 0; t < stems.size(); t++) {
        org.apache.lucene.util.BytesRef text = new org.apache.lucene.util.BytesRef(stems.get(t));
        int df = reader.docFreq(new Term(field, text));
        if (df == 0) {
          continue;
        }
        float idf = (float) Math.log(1 + (stats.docCount() - df + 0.5) / (df + 0.5));
        for (int l = 0; l < leaves.size(); l++) {
          if (enums[l] != null && enums[l].seekExact(text)) {
            reuse[l] = enums[l].postings(reuse[l], PostingsEnum.FREQS);
            addMatches(reuse[l], lengths, leaves.get(l).docBase, sorted, from[l], to[l], t, idf, avgLength, rowOf, out);
          }
        }
      }
    }
    return out;
  }

  /**
   * Leapfrogs the term's postings and the sorted row docs: the cost follows the shorter list, so a
   * 30-day window does not pay for a common word's postings over the whole index.
   */
  private static void addMatches(PostingsEnum postings, float[] lengths, int docBase, int[] sorted, int from,
      int to, int t, float idf, float avgLength, int[] rowOf, Terms[] out) throws IOException {
    int i = from;
    while (i < to) {
      int target = sorted[i] - docBase;
      int d = postings.docID() >= target ? postings.docID() : postings.advance(target);
      if (d == DocIdSetIterator.NO_MORE_DOCS) {
        return;
      }
      if (d != target) {
        i = lowerBound(sorted, i, to, d + docBase);
        continue;
      }
      float length = lengths[i];
      float tf = postings.freq();
      float weight = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgLength));
      int row = rowOf[d + docBase];
      if (out[row] == null) {
        out[row] = new Terms();
      }
      out[row].add(t, weight);
      while (i < to && sorted[i] == target + docBase) {
        i++; // a doc asked for twice is one row (rowOf names the first)
      }
    }
  }

  /** Each sorted doc's field length, from the norms, read once per request rather than once per word. */
  private static float[] lengths(String field, int[] sorted, List<LeafReaderContext> leaves, int[] from, int[] to,
      float avgLength) throws IOException {
    float[] out = new float[sorted.length];
    Arrays.fill(out, avgLength);
    for (int l = 0; l < leaves.size(); l++) {
      NumericDocValues norms = leaves.get(l).reader().getNormValues(field);
      for (int i = from[l]; norms != null && i < to[l]; i++) {
        if (norms.advanceExact(sorted[i] - leaves.get(l).docBase)) {
          out[i] = SmallFloat.byte4ToInt((byte) norms.longValue());
        }
      }
    }
    return out;
  }

  private static int lowerBound(int[] sorted, int from, int to, int key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A growing sparse row; a term's title and abstract weights add up when it is frozen. */
  private static final class Terms {
    private int[] indices = new int[8];
    private float[] weights = new float[8];
    private int size;

    void add(int t, float w) {
      if (size == indices.length) {
        indices = Arrays.copyOf(indices, size * 2);
        weights = Arrays.copyOf(weights, size * 2);
      }
      indices[size] = t;
      weights[size++] = w;
    }

    /** Term indices ascending, each once. */
    PaperFeatures.Terms freeze() {
      long[] packed = new long[size];
      for (int i = 0; i < size; i++) {
        packed[i] = ((long) indices[i] << 32) | i;
      }
      Arrays.sort(packed);
      int[] outIndices = new int[size];
      float[] outWeights = new float[size];
      int n = 0;
      for (long p : packed) {
        int t = (int) (p >>> 32);
        float w = weights[(int) p];
        if (n > 0 && outIndices[n - 1] == t) {
          outWeights[n - 1] += w;
        } else {
          outIndices[n] = t;
          outWeights[n++] = w;
        }
      }
      return new PaperFeatures.Terms(Arrays.copyOf(outIndices, n), Arrays.copyOf(outWeights, n));
    }
  }
}
