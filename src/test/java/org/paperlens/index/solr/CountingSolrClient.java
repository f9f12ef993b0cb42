package org.paperlens.index.solr;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.util.NamedList;

/** SolrJ's client with a count of the queries sent through it: how many calls a read costs. */
final class CountingSolrClient extends SolrClient {

  final AtomicInteger queries = new AtomicInteger();
  private final SolrClient inner;

  CountingSolrClient(SolrClient inner) {
    this.inner = inner;
  }

  @Override
  public NamedList<Object> request(SolrRequest<?> request, String collection) throws SolrServerException, IOException {
    if (request instanceof QueryRequest) {
      queries.incrementAndGet();
    }
    return inner.request(request, collection);
  }

  @Override
  public void close() throws IOException {
    inner.close();
  }
}
