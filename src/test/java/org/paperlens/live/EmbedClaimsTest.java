package org.paperlens.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.paperlens.common.Progress;
import org.paperlens.common.RequestGauge;
import org.paperlens.embed.EmbedClaimStore;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.VectorStore;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.store.DatabaseUrl;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * Two processes' embed stages on one PostgreSQL catalogue (two connections, as two serve
 * processes have): each paper is embedded by one of them, all are embedded, and the papers of a
 * holder that died are taken over once its claim runs out. Skipped without a PostgreSQL server.
 */
@Timeout(300) // a guard against hanging, not a speed target
class EmbedClaimsTest {

  private static Encoder encoder;

  private final AtomicLong ticker = new AtomicLong();

  @BeforeAll
  static void open() {
    encoder = Encoder.open(EmbeddingModel.BGE_SMALL_EN_V15_Q, new Encoder.Options(1, 2));
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  private static CatalogueStore imported(DatabaseUrl url) throws Exception {
    CatalogueStore store = CatalogueStore.open(url);
    new Importer(store, new Importer.Options(Optional.empty(), null, 1000), Progress.NONE)
        .run(List.of(Fixtures.path("listings-sample.jsonl")), new ImportReport());
    return store;
  }

  private EmbedStage stage(CatalogueStore store, RequestGauge gauge, Duration lease) {
    return new EmbedStage(store, encoder, gauge, 1.0, () -> true, line -> {}, 20, ticker::get, 8, lease);
  }

  @Test
  void two_processes_embed_every_paper_once() throws Exception {
    DatabaseUrl url = TestDatabase.freshPostgres();
    try (CatalogueStore a = imported(url); CatalogueStore b = CatalogueStore.open(url)) {
      RequestGauge busyA = new RequestGauge(Duration.ZERO, System::nanoTime);
      RequestGauge idleB = new RequestGauge(Duration.ZERO, System::nanoTime);
      EmbedStage stageA = stage(a, busyA, EmbedStage.LEASE);
      EmbedStage stageB = stage(b, idleB, EmbedStage.LEASE);
      busyA.begin(); // A chooses its stretch and then waits for a request to end, as a busy process does
      Thread stepA = new Thread(() -> {
        try {
          stageA.step();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "embed-a");
      stepA.start();
      while (busyA.waiting() == 0) {
        Thread.sleep(5);
      }
      VectorStore vectors = new VectorStore(b);
      // Meanwhile B embeds everything else, and not A's stretch.
      for (int i = 0; i < 10; i++) {
        stageB.step();
      }
      assertThat(vectors.count(encoder.model())).as("all but A's stretch").isEqualTo(22);
      busyA.end();
      stepA.join();
      for (int i = 0; i < 3; i++) {
        stageA.step();
        stageB.step();
      }
      assertThat(vectors.count(encoder.model())).isEqualTo(30);
      assertThat(stageA.embeddedHere() + stageB.embeddedHere()).as("papers embedded by A and B together").isEqualTo(30);
      assertThat(stageA.embeddedHere()).isEqualTo(8);
      assertThat(new EmbedClaimStore(a.database()).held(Instant.now())).as("claims left behind").isZero();
    }
  }

  @Test
  void the_papers_of_a_holder_that_died_are_taken_over_when_its_claim_runs_out() throws Exception {
    DatabaseUrl url = TestDatabase.freshPostgres();
    try (CatalogueStore a = imported(url); CatalogueStore b = CatalogueStore.open(url)) {
      // A process claimed the 8 newest papers and was killed: nobody renews or releases its claim.
      VectorStore vectors = new VectorStore(a);
      List<VectorStore.Stale> newest = vectors.missingNewestFirst(encoder.model(), 8);
      Instant now = Instant.now();
      assertThat(new EmbedClaimStore(a.database()).claim(newest, "killed", now, now.plusSeconds(2))).hasSize(8);
      EmbedStage stageB = stage(b, new RequestGauge(Duration.ZERO, System::nanoTime), EmbedStage.LEASE);
      for (int i = 0; i < 5; i++) {
        stageB.step();
      }
      assertThat(vectors.count(encoder.model())).as("everything but the dead holder's papers, while its claim holds")
          .isEqualTo(22);
      List<String> left = new ArrayList<>();
      for (int i = 0; i < 3_000 && vectors.count(encoder.model()) < 30; i++) {
        stageB.step(); // each idle step waits 20 ms
      }
      vectors.missingNewestFirst(encoder.model(), 30).forEach(s -> left.add(s.id().value()));
      assertThat(left).as("taken over once the claim ran out").isEmpty();
      assertThat(stageB.embeddedHere()).isEqualTo(30);
    }
  }
}
