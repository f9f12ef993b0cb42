package org.paperlens.index.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.paperlens.index.PaperFields;
import org.paperlens.paper.PaperId;

/**
 * Turns Lucene doc numbers of one reader into paper ids: from the id doc values (a few hundred
 * nanoseconds each), or from stored fields in an index built before they existed. Cheapest when
 * asked in ascending doc order. Not thread-safe; one per request.
 */
final class DocIds {

  private final IndexReader reader;
  private final List<LeafReaderContext> leaves;
  private final SortedDocValues[] values;
  private StoredFields stored;

  DocIds(IndexReader reader) {
    this.reader = reader;
    this.leaves = reader.leaves();
    this.values = new SortedDocValues[leaves.size()];
  }

  PaperId idOf(int doc) throws IOException {
    int leaf = ReaderUtil.subIndex(doc, leaves);
    LeafReaderContext context = leaves.get(leaf);
    int local = doc - context.docBase;
    SortedDocValues dv = values[leaf];
    if (dv == null || dv.docID() > local) {
      dv = context.reader().getSortedDocValues(PaperFields.ID);
      values[leaf] = dv;
    }
    if (dv != null && dv.advanceExact(local)) {
      return new PaperId(dv.lookupOrd(dv.ordValue()).utf8ToString());
    }
    if (stored == null) {
      stored = reader.storedFields();
    }
    return new PaperId(stored.document(doc, java.util.Set.of(PaperFields.ID)).get(PaperFields.ID));
  }
}
