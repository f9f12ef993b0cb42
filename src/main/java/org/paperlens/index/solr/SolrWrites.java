package org.paperlens.index.solr;

import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.paperlens.common.Progress;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexSource;
import org.paperlens.index.RebuildReport;

/**
 * The write side of {@link SolrIndex}: live batches and whole rebuilds. Each request is bounded
 * in time and sent at most twice ({@link SolrConnection#update}); a live batch that still fails is
 * applied again by the pipeline from its watermark, a failed rebuild is run again.
 */
final class SolrWrites {

  /** Documents per update request in a rebuild: large enough to amortise the round trip. */
  private static final int BATCH = 500;

  private SolrWrites() {}

  static void apply(SolrIndex index, List<IndexChange> changes, long upToSeq, long now) {
    UpdateRequest update = new UpdateRequest();
    List<String> removed = new ArrayList<>();
    for (IndexChange change : changes) {
      switch (change) {
        case IndexChange.Put put -> update.add(SolrDocuments.of(put.paper(), put.vector(), now, index.vectors()));
        case IndexChange.Remove remove -> removed.add(remove.id().value());
      }
    }
    if (!removed.isEmpty()) {
      update.deleteById(removed);
    }
    update.add(SolrDocuments.watermark(upToSeq, now, index.vectors()));
    index.connection().update(update, "update", false);
  }

  /** A soft commit makes writes searchable; a hard one also makes them durable and opens a searcher. */
  static void commit(SolrIndex index, boolean soft) {
    index.connection().commit(soft);
  }

  static RebuildReport rebuild(SolrIndex index, IndexSource papers, Progress progress) {
    long start = System.nanoTime();
    // Every document this build writes carries this stamp; live writes made meanwhile carry a later one.
    long build = System.currentTimeMillis();
    long seq = papers.sequence();
    int[] counts = new int[2];
    List<SolrInputDocument> batch = new ArrayList<>(BATCH);
    progress.begin("reindex", papers.count(), "papers");
    try {
      papers.forEach((paper, vector) -> {
        batch.add(SolrDocuments.of(paper, vector, build, index.vectors()));
        counts[0]++;
        if (vector != null) {
          counts[1]++;
        }
        if (batch.size() == BATCH) {
          add(index, batch);
          progress.advanceTo(counts[0], String.format("%,d papers", counts[0]));
        }
      });
      batch.add(SolrDocuments.watermark(seq, build, index.vectors()));
      add(index, batch);
      UpdateRequest older = new UpdateRequest();
      older.deleteByQuery(SolrDocuments.BUILD + ":[* TO " + (build - 1) + "]");
      index.connection().update(older, "delete of the previous build", true);
      commit(index, false);
    } finally {
      progress.end();
    }
    return new RebuildReport(counts[0], counts[1], "SolrCloud " + index.target(), (System.nanoTime() - start) / 1e9);
  }

  private static void add(SolrIndex index, List<SolrInputDocument> batch) {
    UpdateRequest update = new UpdateRequest();
    update.add(batch);
    index.connection().update(update, "rebuild batch", true);
    batch.clear();
  }
}
