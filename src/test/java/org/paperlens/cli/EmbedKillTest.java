package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.embed.EmbeddedText;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.Cli;
import org.paperlens.testing.TestDatabase;

/** Kills {@code paperlens embed} with SIGKILL once it has committed something, then runs it again. */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class EmbedKillTest {

  private static final int PAPERS = 600;

  @TempDir Path tmp;

  @Test
  void an_embed_killed_midway_keeps_whole_batches_and_a_rerun_embeds_only_the_rest() throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      store.write(w -> {
        for (int i = 0; i < PAPERS; i++) {
          w.put(Paper.builder(new PaperId(String.format("2501.%05d", i))).title("Made-up paper " + i)
              .abstractText("An abstract about topic " + (i % 13) + ", number " + i + ".").source("test").build());
        }
        return null;
      });
    }
    Path log = tmp.resolve("killed.log");
    Process p = ChildProcess.start(log, "embed", "--data", tmp.toString(), "--batch", "2", "--threads", "1");
    long committed = 0;
    while (committed == 0 && p.isAlive()) {
      Thread.sleep(20);
      committed = vectorRows();
    }
    p.destroyForcibly().waitFor(); // SIGKILL on Unix: no shutdown hooks, no cleanup
    long kept = vectorRows();
    assertThat(kept).as(Files.readString(log)).isPositive().isLessThan(PAPERS);
    assertThat(kept % 2).as("batches of 2 are committed whole").isZero();

    Cli.Result rerun = Cli.run("embed", "--data", tmp.toString());
    assertThat(rerun.code()).as(rerun.err()).isZero();
    assertThat(rerun.out()).contains(String.format("embedded %,d, already up to date %,d", PAPERS - kept, kept));
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      VectorStore vectors = new VectorStore(store);
      assertThat(vectors.count(EmbeddingModel.DEFAULT)).isEqualTo(PAPERS);
      java.util.List<PaperVector> all = new java.util.ArrayList<>();
      vectors.forEach(EmbeddingModel.DEFAULT, all::add);
      for (PaperVector v : all) {
        assertThat(v.textHash()).isEqualTo(EmbeddedText.of(store.find(v.id()).orElseThrow()).hash());
      }
    }
  }

  /** Counted over a connection of its own, as a reader beside the child's writes (WAL allows it). */
  private long vectorRows() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("catalogue.db"));
        Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout=10000");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM paper_vectors")) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }
}
