package org.paperlens.index.lucene;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.ScoreDoc;

/**
 * For the vector benchmarks: documents carry a stored int {@code n} (their place in the benchmark's
 * corpus), and recall compares a search's hits with the exact answer in those numbers.
 */
final class VectorRecall {

  private VectorRecall() {}

  /** Lucene document number to corpus number, read once after the index is built. */
  static int[] corpusNumbers(IndexReader reader) throws IOException {
    int[] docToN = new int[reader.maxDoc()];
    var stored = reader.storedFields();
    for (int i = 0; i < docToN.length; i++) {
      docToN[i] = stored.document(i).getField("n").numericValue().intValue();
    }
    return docToN;
  }

  /** The share of {@code exact} (corpus numbers, best first) that {@code hits} found; 1 when exact is empty. */
  static double recall(int[] exact, ScoreDoc[] hits, int[] docToN) {
    if (exact.length == 0) {
      return 1;
    }
    Set<Integer> want = new HashSet<>();
    for (int n : exact) {
      want.add(n);
    }
    int found = 0;
    for (ScoreDoc h : hits) {
      found += want.contains(docToN[h.doc]) ? 1 : 0;
    }
    return found / (double) exact.length;
  }
}
