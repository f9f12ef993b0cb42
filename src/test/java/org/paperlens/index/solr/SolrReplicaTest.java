package org.paperlens.index.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.paperlens.common.Progress;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexUnavailableException;
import org.paperlens.index.Match;
import org.paperlens.live.CatalogueSource;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.search.SearchFixture;

/**
 * Issue 21 on the 2-node SolrCloud (2 shards × 2 replicas): "the same query gives different
 * results from the two processes: 39 of 85 query/page combinations differed" because replicas hold
 * different statistics, and writes must go on with a node down. The two replicas of each shard are
 * made to differ on purpose (one keeps the deleted documents of an earlier build, the other has
 * them merged away), as a running cluster's replicas drift apart; then two clients, as two
 * processes, must get the same ranked list for a query every time, and page 2 from one must follow
 * page 1 from the other with no paper repeated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Tag("slow")
class SolrReplicaTest {

  private static final List<String> QUERIES = List.of("molecular", "networks", "attention", "graph neural networks",
      "molecular networks attention retrieval learning string");

  private SolrClusterProcess cluster;
  private Path dir;
  private CatalogueStore store;
  private SolrIndex one;
  private SolrIndex two;

  @BeforeAll
  void start() throws Exception {
    cluster = SolrClusterProcess.start();
    dir = Files.createTempDirectory("solr-replica-test");
    store = SearchFixture.catalogue(dir.resolve("data"));
    one = SolrIndex.connect(cluster.target(), IndexSettings.DEFAULT);
    two = SolrIndex.connect(cluster.target(), IndexSettings.DEFAULT);
    one.rebuild(CatalogueSource.of(store, SolrIndexTest::vector), Progress.NONE);
    // Papers written again live: their older copies are deleted in a segment that keeps its other
    // documents, and stay counted in the statistics until that segment is merged.
    List<IndexChange> again = new ArrayList<>();
    for (String id : List.of("2401.00101", "2401.00105", "2401.00109", "2401.00102", "2401.00106")) {
      Paper p = store.find(new PaperId(id)).orElseThrow();
      again.add(new IndexChange.Put(p, SolrIndexTest.vector(p.id())));
    }
    one.apply(again, one.appliedSeq() + 1);
    one.commit();
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {one, two, store, cluster}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  @Order(1)
  void the_same_query_ranks_alike_from_every_client_though_replicas_differ() throws Exception {
    List<Replica> merged = driftOneReplicaPerShard();
    assertThat(replicasScoreDifferently(merged)).as("premise: the replicas of a shard score a query differently").isTrue();

    for (String q : QUERIES) {
      List<IndexHit> first = one.keyword(q, Match.ANY, Filters.NONE, 10);
      assertThat(first).as(q).isNotEmpty();
      for (int i = 0; i < 12; i++) {
        SolrIndex client = i % 2 == 0 ? one : two;
        assertThat(client.keyword(q, Match.ANY, Filters.NONE, 10)).as("'%s', request %d", q, i).isEqualTo(first);
      }
    }

    // Page 1 from one process, page 2 from the other: no paper twice, none left out.
    String q = QUERIES.getLast();
    List<IndexHit> all = one.keyword(q, Match.ANY, Filters.NONE, 6);
    assertThat(all).hasSize(6);
    for (int i = 0; i < 6; i++) {
      List<PaperId> page1 = ids(one.keyword(q, Match.ANY, Filters.NONE, 3));
      List<PaperId> page2 = ids(two.keyword(q, Match.ANY, Filters.NONE, 6)).subList(3, 6);
      Set<PaperId> both = new HashSet<>(page1);
      both.addAll(page2);
      assertThat(both).as("pages 1 and 2, round %d", i).hasSize(6).containsExactlyInAnyOrderElementsOf(ids(all));
    }
  }

  @Test
  @Order(2)
  void with_a_node_down_updates_go_on_and_become_searchable() throws Exception {
    // A node can go down in the middle of a request. CI once stopped one while a request was in
    // flight: Jetty waited its 15 s for it, reported that as an exception, and the cluster process
    // never answered 'stop'. A request held on node 1 past that wait makes the same stop.
    cluster.delayNextRequest(1, 25_000);
    Thread slow = Thread.ofVirtual().start(() -> askNodeAlone(cluster.nodeUrl(1)));
    Thread.sleep(500); // time for the request to reach the node
    cluster.stopNode(1);
    slow.join();
    Paper base = store.find(new PaperId("2401.00103")).orElseThrow();
    Paper fresh = Paper.builder(new PaperId("2402.09998")).title("Narwhal migrations under sea ice")
        .abstractText(base.abstractText()).authors(base.authors()).categories(base.categories())
        .submitted(base.submitted()).build();
    long seq = one.appliedSeq() + 1;
    List<IndexHit> found = List.of();
    // The pipeline's way: apply, refresh; on a failure (a leader being elected) try again later.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (found.isEmpty() && System.nanoTime() < deadline) {
      try {
        one.apply(List.of(new IndexChange.Put(fresh, null)), seq);
        one.refresh();
        found = one.keyword("narwhal", Match.ANY, Filters.NONE, 5);
      } catch (IndexUnavailableException e) {
        Thread.sleep(1_000);
      }
    }
    assertThat(ids(found)).as("a paper written with node 1 down").containsExactly(fresh.id());
    assertThat(ids(two.keyword("narwhal", Match.ANY, Filters.NONE, 5))).containsExactly(fresh.id());
  }

  /**
   * Makes one replica of each shard differ from the other, as replicas drift apart (deleted
   * documents merged away in one and not the other): a document written to that core alone (sent
   * as if it came from its leader, so it is not passed on), with the queries' words. Returns those replicas.
   */
  private List<Replica> driftOneReplicaPerShard() throws Exception {
    List<Replica> out = new ArrayList<>();
    try (CloudSolrClient cloud = new CloudSolrClient.Builder(cluster.target().nodes()).build()) {
      for (Slice slice : cloud.getClusterState().getCollection(SolrClusterProcess.COLLECTION).getSlices()) {
        Replica replica = slice.getReplicas().stream()
            .filter(r -> !r.getName().equals(slice.getLeader().getName())).findFirst().orElseThrow();
        try (HttpJdkSolrClient core = new HttpJdkSolrClient.Builder(replica.getBaseUrl()).build()) {
          UpdateRequest add = new UpdateRequest();
          for (int i = 0; i < 3; i++) {
            org.apache.solr.common.SolrInputDocument doc = new org.apache.solr.common.SolrInputDocument();
            doc.addField("id", "zz-drift-" + slice.getName() + "-" + i);
            doc.addField("title", "molecular networks attention");
            doc.addField("_version_", (System.currentTimeMillis() << 20) + i); // what a leader stamps
            add.add(doc);
          }
          add.setParam("update.distrib", "FROMLEADER");
          add.setParam("distrib.from", slice.getLeader().getCoreUrl());
          add.setAction(UpdateRequest.ACTION.COMMIT, true, true);
          add.setParam("commit_end_point", "replicas");
          add.process(core, replica.getCoreName());
        }
        out.add(replica);
      }
    }
    return out;
  }

  /** Whether some query scores differently on two replicas of one shard (each asked alone). */
  private boolean replicasScoreDifferently(List<Replica> merged) throws Exception {
    try (CloudSolrClient cloud = new CloudSolrClient.Builder(cluster.target().nodes()).build()) {
      for (Slice slice : cloud.getClusterState().getCollection(SolrClusterProcess.COLLECTION).getSlices()) {
        List<List<Object>> answers = new ArrayList<>();
        for (Replica replica : slice.getReplicas()) {
          try (HttpJdkSolrClient core = new HttpJdkSolrClient.Builder(replica.getBaseUrl()).build()) {
            SolrQuery q = new SolrQuery("title:(molecular networks attention)").setFields("id,score").setRows(10);
            q.set("distrib", "false");
            List<Object> answer = new ArrayList<>();
            for (SolrDocument d : core.query(replica.getCoreName(), q).getResults()) {
              answer.add(d.getFieldValue("id") + "=" + d.getFieldValue("score"));
            }
            answers.add(answer);
          }
        }
        System.out.println("replicas of " + slice.getName() + ": " + answers);
        if (answers.size() > 1 && !answers.get(0).equals(answers.get(1))) {
          return true;
        }
      }
    }
    return merged.isEmpty();
  }

  /** One query to one node alone; its answer (or the node going away under it) does not matter. */
  private static void askNodeAlone(URI node) {
    try (HttpJdkSolrClient core = new HttpJdkSolrClient.Builder(node.toString()).build()) {
      core.query(SolrClusterProcess.COLLECTION, new SolrQuery("*:*").setRows(0));
    } catch (Exception e) {
      System.out.println("the slow request ended with " + e);
    }
  }

  private static List<PaperId> ids(List<IndexHit> hits) {
    return hits.stream().map(IndexHit::id).toList();
  }
}
