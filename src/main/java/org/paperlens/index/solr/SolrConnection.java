package org.paperlens.index.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.RemoteSolrException;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexUnavailableException;
import org.paperlens.index.PaperFields;
import org.paperlens.paper.PaperId;

/**
 * The two SolrJ clients of one collection (reads with a short timeout, writes with a long one) and
 * the retry rule of reads: a read that fails on a connection or a 5xx is tried again on another
 * node (the cluster state names them); when every try fails it becomes an
 * {@link IndexUnavailableException}. Thread-safe.
 */
final class SolrConnection implements AutoCloseable {

  private static final int ATTEMPTS = 3;
  /**
   * A read that takes longer is given up and tried again on another node: a node stopping in the
   * middle of a request can leave it hanging (its own, or a shard request it sent), and a page must
   * not wait minutes. Writes (a rebuild's batches) get far longer.
   */
  private static final long READ_TIMEOUT_SECONDS = 10;
  private static final long WRITE_TIMEOUT_SECONDS = 300;
  private static final long RETRY_PAUSE_MS = 250;

  private final CloudSolrClient client;
  private final CloudSolrClient writer;
  private final SolrTarget target;

  private SolrConnection(CloudSolrClient client, CloudSolrClient writer, SolrTarget target) {
    this.client = client;
    this.writer = writer;
    this.target = target;
  }

  static SolrConnection open(SolrTarget target) {
    return new SolrConnection(client(target, READ_TIMEOUT_SECONDS), client(target, WRITE_TIMEOUT_SECONDS), target);
  }

  private static CloudSolrClient client(SolrTarget target, long requestTimeoutSeconds) {
    HttpJdkSolrClient.Builder http = new HttpJdkSolrClient.Builder()
        .withConnectionTimeout(5, TimeUnit.SECONDS)
        .withRequestTimeout(requestTimeoutSeconds, TimeUnit.SECONDS);
    return new CloudSolrClient.Builder(target.nodes())
        .withInternalClientBuilder(http)
        .withDefaultCollection(target.collection())
        .build();
  }

  SolrTarget target() {
    return target;
  }

  /** The client for writes, with the long timeout. */
  CloudSolrClient writer() {
    return writer;
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
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** The top {@code k} ids and scores, best first, equal scores in id order (as the embedded index orders them). */
  List<IndexHit> hits(SolrQuery q, int k) {
    if (k <= 0) {
      return List.of();
    }
    q.setFields(PaperFields.ID + ",score").setRows(k);
    q.addSort("score", SolrQuery.ORDER.desc).addSort(PaperFields.ID, SolrQuery.ORDER.asc);
    List<IndexHit> out = new ArrayList<>(k);
    for (SolrDocument doc : query(q).getResults()) {
      out.add(new IndexHit(new PaperId((String) doc.getFieldValue(PaperFields.ID)),
          ((Number) doc.getFieldValue("score")).floatValue()));
    }
    return out;
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      writer.close();
    }
  }
}
