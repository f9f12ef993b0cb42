package org.paperlens.index.solr;

import java.time.Duration;

/**
 * How long each kind of Solr call may take before it is given up: no call waits forever. The HTTP
 * client's own timeouts cover connecting and waiting for an answer; {@link SolrCalls} also bounds
 * the whole call from outside, since a stream the server reset or a node that died mid-request can
 * leave SolrJ waiting past its request timeout (issue 21: an update thread waited in
 * {@code CloudSolrClient} past the 300 s write timeout).
 *
 * @param connect opening a connection to a node
 * @param read a query: a page must not wait minutes; it is tried again on another node
 * @param update a live batch or a commit: small, so given up early and sent once more
 * @param rebuild one batch of a whole rebuild (500 documents)
 */
record SolrTimeouts(Duration connect, Duration read, Duration update, Duration rebuild) {

  static final SolrTimeouts DEFAULT = new SolrTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(60), Duration.ofSeconds(300));

  /** The longest call: the HTTP client of writes waits this long for an answer. */
  Duration longestWrite() {
    return update.compareTo(rebuild) > 0 ? update : rebuild;
  }
}
