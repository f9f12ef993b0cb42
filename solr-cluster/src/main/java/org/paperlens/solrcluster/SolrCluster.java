package org.paperlens.solrcluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A throwaway SolrCloud for paperlens's tests: an embedded ZooKeeper, N Solr nodes, the paperlens
 * config set and one collection of S shards × R replicas. It runs in its own JVM because Solr 9
 * carries Lucene 9 and the app Lucene 10.
 *
 * <p>Protocol on standard output, one line each: {@code ZK host:port}, {@code NODE i url} per node,
 * then {@code READY}. Commands on standard input: {@code stop i} stops node i (answers
 * {@code STOPPED i} once it is down), {@code start i} starts it again ({@code STARTED i url}),
 * {@code delay i ms} makes node i's next request take that long ({@code DELAYED i});
 * {@code quit} or the end of input shuts everything down. Anything else answers {@code ERROR ...}.
 *
 * <p>Usage: {@code SolrCluster CONFIGSET_DIR COLLECTION [NODES [SHARDS [REPLICAS]]]}.
 */
public final class SolrCluster {

  private SolrCluster() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SolrCluster CONFIGSET_DIR COLLECTION [NODES [SHARDS [REPLICAS]]]");
      System.exit(2);
    }
    // Standard output carries the protocol only: Solr's own logging goes to standard error.
    PrintStream protocol = System.out;
    System.setOut(System.err);
    Path configSet = Path.of(args[0]).toAbsolutePath();
    String collection = args[1];
    int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int shards = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int replicas = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    Path base = Files.createTempDirectory("paperlens-solr-");
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base)
        .addConfig("paperlens", configSet)
        .configure();
    // However this JVM ends (quit, end of input, a signal), the nodes and ZooKeeper go with it.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(cluster)));
    CollectionAdminRequest.createCollection(collection, "paperlens", shards, replicas)
        .process(cluster.getSolrClient());
    cluster.waitForActiveCollection(collection, shards, shards * replicas);
    protocol.println("ZK " + cluster.getZkServer().getZkAddress());
    List<JettySolrRunner> jetties = cluster.getJettySolrRunners();
    for (int i = 0; i < jetties.size(); i++) {
      protocol.println("NODE " + i + " " + jetties.get(i).getBaseUrl());
    }
    protocol.println("READY");
    protocol.flush();
    serve(cluster, jetties, protocol);
    System.exit(0);
  }

  private static void serve(MiniSolrCloudCluster cluster, List<JettySolrRunner> jetties, PrintStream protocol)
      throws Exception {
    JettySolrRunner[] nodes = jetties.toArray(JettySolrRunner[]::new);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.strip().split("\\s+");
      if (line.isBlank()) {
        continue;
      }
      try {
        switch (words[0]) {
          case "quit" -> {
            return;
          }
          case "stop" -> {
            int i = Integer.parseInt(words[1]);
            stop(cluster, nodes[i]);
            protocol.println("STOPPED " + i);
          }
          case "delay" -> {
            // The node's next request sleeps that long inside the server: a slow request in flight.
            int i = Integer.parseInt(words[1]);
            nodes[i].getDebugFilter().addDelay("test: a slow request", 1, Integer.parseInt(words[2]));
            protocol.println("DELAYED " + i);
          }
          case "start" -> {
            int i = Integer.parseInt(words[1]);
            nodes[i] = cluster.startJettySolrRunner(nodes[i], true);
            cluster.waitForNode(nodes[i], 60);
            protocol.println("STARTED " + i + " " + nodes[i].getBaseUrl());
          }
          default -> protocol.println("ERROR unknown command: " + line);
        }
      } catch (Exception e) {
        // Every command is answered: a caller waiting for its line must never wait for nothing.
        protocol.println("ERROR " + e);
      }
      protocol.flush();
    }
  }

  /**
   * Stops a node as a crash would leave it: down. Jetty first waits up to 15 s for the requests in
   * flight (a peer's recovery or a query from the other node can be one), then stops anyway and
   * reports the wait as a {@link TimeoutException}; the node is down all the same, so that is not
   * a failure of the stop.
   */
  private static void stop(MiniSolrCloudCluster cluster, JettySolrRunner node) throws Exception {
    try {
      cluster.stopJettySolrRunner(node);
    } catch (TimeoutException e) {
      System.err.println("solr cluster: node " + node.getBaseUrl() + " stopped with requests still in flight");
    }
    cluster.waitForJettyToStop(node);
  }

  private static void shutdown(MiniSolrCloudCluster cluster) {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      System.err.println("solr cluster shutdown: " + e);
    }
  }
}
