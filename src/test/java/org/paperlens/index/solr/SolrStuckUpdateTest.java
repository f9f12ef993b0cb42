package org.paperlens.index.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.paperlens.index.IndexUnavailableException;

/**
 * Issue 21: "the update thread waits in CloudSolrClient with no timeout, past the 300 s write
 * timeout". Against a fake Solr that accepts connections and never answers, an update and a
 * commit are abandoned at their deadline, sent once more, and end in an
 * {@link IndexUnavailableException} that says so, instead of holding the index stage forever.
 */
class SolrStuckUpdateTest {

  private static final SolrTimeouts SHORT = new SolrTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
      Duration.ofSeconds(2), Duration.ofSeconds(2));

  @Test
  void an_update_that_never_answers_is_abandoned_sent_again_and_reported() throws Exception {
    try (Silent solr = new Silent()) {
      SolrTarget target = SolrTarget.parse("http://127.0.0.1:" + solr.port() + "/solr/papers");
      String base = "http://127.0.0.1:" + solr.port() + "/solr";
      try (SolrConnection connection = new SolrConnection(
          SolrConnection.http(SHORT, SHORT.read()).withBaseSolrUrl(base).build(),
          SolrConnection.http(SHORT, SHORT.longestWrite()).withBaseSolrUrl(base).build(), target, SHORT)) {
        UpdateRequest update = new UpdateRequest();
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField("id", "2601.00001");
        update.add(doc);
        // Bounded by the test itself: on the code before the fix this waited 300 s or for ever.
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
            assertThatThrownBy(() -> connection.update(update, "update", false))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("did not answer in 2 s, 2 times: abandoned"));
        int sent = solr.accepted();
        assertThat(sent).as("connections the update made: sent twice").isGreaterThanOrEqualTo(2);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
            assertThatThrownBy(() -> connection.commit(true))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("commit"));
      }
    }
  }

  /** A server that accepts every connection, reads nothing and answers nothing. */
  private static final class Silent implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    Silent() throws IOException {
      acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            sockets.add(server.accept());
          } catch (IOException closed) {
            return;
          }
        }
      }, "silent-solr");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    int accepted() {
      return sockets.size();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
