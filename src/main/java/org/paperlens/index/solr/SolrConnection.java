package org.paperlens.index.solr;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.RemoteSolrException;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.CountedHits;
import org.paperlens.index.HitCount;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexUnavailableException;
import org.paperlens.index.PaperFields;
import org.paperlens.paper.PaperId;

/**
 * The two SolrJ clients of one collection (reads with a short timeout, writes with a long one; every
 * call has a connection and a request timeout, {@link SolrTimeouts}), the retry rule of writes
 * ({@link SolrCalls}: a deadline, one more send) and the retry rule of reads: a read that fails on a connection or a 5xx is tried again on another
 * node (the cluster state names them); when every try fails it becomes an
 * {@link IndexUnavailableException}. Thread-safe.
 */
final class SolrConnection implements AutoCloseable {

  private static final int ATTEMPTS = 3;
  private static final long RETRY_PAUSE_MS = 250;
  /**
   * Which replica of each shard answers a query: one chosen by the query's text, the same from
   * every process. Replicas of a shard hold the same documents but not the same statistics
   * (deleted documents count until their segment merges, and merges differ per replica), so a
   * replica picked at random ranked one query differently from one request to the next and from
   * one process to the other (issue 21: 39 of 85 query/page combinations), and page 2 from one
   * process repeated or dropped papers of page 1 from the other. Different queries still spread
   * over the replicas.
   */
  static final String STABLE_REPLICA = "replica.base:stable:hash:q";

  private final SolrClient client;
  private final SolrClient writer;
  private final SolrTarget target;
  private final SolrTimeouts timeouts;

  SolrConnection(SolrClient client, SolrClient writer, SolrTarget target, SolrTimeouts timeouts) {
    this.client = client;
    this.writer = writer;
    this.target = target;
    this.timeouts = timeouts;
  }

  static SolrConnection open(SolrTarget target) {
    return open(target, SolrTimeouts.DEFAULT);
  }

  static SolrConnection open(SolrTarget target, SolrTimeouts timeouts) {
    return new SolrConnection(client(target, timeouts, timeouts.read()), client(target, timeouts, timeouts.longestWrite()),
        target, timeouts);
  }

  private static CloudSolrClient client(SolrTarget target, SolrTimeouts timeouts, Duration requestTimeout) {
    return new CloudSolrClient.Builder(target.nodes())
        .withInternalClientBuilder(http(timeouts, requestTimeout))
        .withDefaultCollection(target.collection())
        .build();
  }

  /** The HTTP client every Solr call goes through: a connection timeout and a request timeout, always. */
  static HttpJdkSolrClient.Builder http(SolrTimeouts timeouts, Duration requestTimeout) {
    return new HttpJdkSolrClient.Builder()
        .withConnectionTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
        .withIdleTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .withRequestTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Sends an update (documents, deletes) within its deadline, once more if it fails or hangs
   * ({@link SolrCalls}); {@code rebuildBatch} gives it the rebuild's longer deadline.
   */
  void update(UpdateRequest update, String what, boolean rebuildBatch) {
    SolrCalls.write("SolrCloud " + what + " (" + target + ")", rebuildBatch ? timeouts.rebuild() : timeouts.update(),
        () -> update.process(writer, target.collection()));
  }

  /** A soft commit makes writes searchable; a hard one also makes them durable and opens a searcher. */
  void commit(boolean soft) {
    SolrCalls.write("SolrCloud " + (soft ? "soft " : "") + "commit (" + target + ")", timeouts.update(),
        () -> writer.commit(target.collection(), true, true, soft));
  }

  SolrTarget target() {
    return target;
  }

  String collection() {
    return target.collection();
  }

  /**
   * Runs a query, trying again on a connection failure or a server error (another node answers
   * the next try). A 4xx is the query's fault: a {@link BadQueryException}.
   */
  QueryResponse query(SolrQuery q) {
    for (int attempt = 1; ; attempt++) {
      try {
        q.set("shards.preference", STABLE_REPLICA);
        return client.query(target.collection(), q, SolrRequest.METHOD.POST);
      } catch (RemoteSolrException e) {
        if (e.code() >= 400 && e.code() < 500) {
          throw new BadQueryException("SolrCloud rejected the query: " + firstLine(e.getMessage()));
        }
        retryOrFail(attempt, e);
      } catch (SolrServerException | IOException | RuntimeException e) {
        retryOrFail(attempt, e);
      }
    }
  }

  private void retryOrFail(int attempt, Exception e) {
    if (attempt >= ATTEMPTS) {
      throw new IndexUnavailableException("SolrCloud (" + target + ") did not answer after " + attempt + " tries: "
          + firstLine(String.valueOf(e.getMessage())), e);
    }
    try {
      Thread.sleep(RETRY_PAUSE_MS * attempt);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IndexUnavailableException("interrupted while waiting for SolrCloud", e);
    }
  }

  private static String firstLine(String message) {
    return SolrCalls.firstLine(message);
  }

  /**
   * A read of the collection's schema API ({@code /schema/...}), tried as queries are; its
   * answer as SolrJ parsed it.
   */
  org.apache.solr.common.util.NamedList<Object> schema(String path) {
    var request = new org.apache.solr.client.solrj.request.GenericSolrRequest(SolrRequest.METHOD.GET, path)
        .setRequiresCollection(true);
    for (int attempt = 1; ; attempt++) {
      try {
        return client.request(request, target.collection());
      } catch (SolrServerException | IOException | RuntimeException e) {
        retryOrFail(attempt, e);
      }
    }
  }

  /** The top {@code k} ids and scores, best first, equal scores in id order (as the embedded index orders them). */
  List<IndexHit> hits(SolrQuery q, int k) {
    if (k <= 0) {
      return List.of();
    }
    return hitsOf(query(ranked(q, k)).getResults(), k);
  }

  /**
   * {@link #hits} and how many documents match, from the same answer: one call where a hit list
   * and its total used to take two. Counted as {@link #total} says.
   */
  CountedHits countedHits(SolrQuery q, int k, int exactUpTo) {
    // minExactCount applies only when a top document is asked for: at least one row.
    SolrQuery ranked = ranked(q, Math.max(k, 1));
    ranked.set("minExactCount", exactUpTo);
    SolrDocumentList found = query(ranked).getResults();
    return new CountedHits(hitsOf(found, k), total(found, exactUpTo));
  }

  /**
   * The number of matches in an answer asked with Solr's {@code minExactCount}: each shard counts
   * exactly up to the bound, then skips what cannot enter the top hits, and {@code numFoundExact}
   * says whether it counted all. Past the bound the count is a lower bound, never above the bound,
   * as the embedded index says it.
   */
  static HitCount total(SolrDocumentList found, int exactUpTo) {
    int n = (int) Math.min(Integer.MAX_VALUE, found.getNumFound());
    return Boolean.FALSE.equals(found.getNumFoundExact()) ? HitCount.atLeast(Math.min(n, exactUpTo)) : HitCount.exactly(n);
  }

  private static SolrQuery ranked(SolrQuery q, int rows) {
    q.setFields(PaperFields.ID + ",score").setRows(rows);
    q.addSort("score", SolrQuery.ORDER.desc).addSort(PaperFields.ID, SolrQuery.ORDER.asc);
    return q;
  }

  private static List<IndexHit> hitsOf(SolrDocumentList found, int k) {
    List<IndexHit> out = new ArrayList<>(Math.max(k, 0));
    for (SolrDocument doc : found) {
      if (out.size() == k) {
        break;
      }
      out.add(new IndexHit(new PaperId((String) doc.getFieldValue(PaperFields.ID)),
          ((Number) doc.getFieldValue("score")).floatValue()));
    }
    return out;
  }

  @Override
  public void close() {
    try (SolrClient r = client; SolrClient w = writer) {
      // both closed, the writer even when the reader's close fails
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot close the SolrCloud clients: " + e.getMessage(), e);
    }
  }
}
