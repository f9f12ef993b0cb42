package org.paperlens.digest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.paperlens.common.Progress;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/** A small catalogue of made-up papers listed on known days, for digest tests. */
final class DigestFixture {

  static final LocalDate DAY1 = LocalDate.of(2026, 7, 1);
  static final LocalDate DAY2 = LocalDate.of(2026, 7, 2);

  private DigestFixture() {}

  static Paper paper(String id, LocalDate listed, String title, String category, String... authors) {
    return Paper.builder(new PaperId(id)).version(1).title(title)
        .abstractText("We study " + title.toLowerCase() + " <in detail> & more.")
        .authors(List.of(authors)).categories(List.of(category)).submitted(listed.minusDays(1))
        .updated(listed.minusDays(1)).firstListed(listed).absUrl("https://arxiv.org/abs/" + id).source("test").build();
  }

  /** Six papers on day 1 and three on day 2, across cs.CL, cs.LG and cs.RO. */
  static void fill(CatalogueStore store) {
    put(store, List.of(
        paper("2607.00001", DAY1, "Sparse attention for long documents", "cs.CL", "Ada Lovelace", "Alan Turing"),
        paper("2607.00002", DAY1, "Graph neural networks for molecules", "cs.LG", "Grace Hopper"),
        paper("2607.00003", DAY1, "Robot grasping with tactile sensing", "cs.RO", "Bernhard Schölkopf"),
        paper("2607.00004", DAY1, "Attention is still all you need", "cs.CL", "Alan Turing"),
        paper("2607.00005", DAY1, "Reinforcement learning for robots", "cs.RO", "Grace Hopper", "Ada Lovelace"),
        paper("2607.00006", DAY1, "Tokenizers <b>and</b> their discontents", "cs.CL", "Claude Shannon")));
  }

  static void fillDay2(CatalogueStore store) {
    put(store, List.of(
        paper("2607.00101", DAY2, "Sparse attention revisited", "cs.CL", "Alan Turing"),
        paper("2607.00102", DAY2, "Molecule generation with diffusion", "cs.LG", "Grace Hopper"),
        paper("2607.00103", DAY2, "Legged robots on ice", "cs.RO", "Bernhard Scholkopf")));
  }

  static void put(CatalogueStore store, List<Paper> papers) {
    store.write(w -> {
      for (Paper p : papers) {
        w.put(p);
      }
      return null;
    });
  }

  static void index(CatalogueStore store, Path indexRoot) {
    IndexBuilder.rebuild(store, id -> null, indexRoot, IndexSettings.DEFAULT, Progress.NONE);
  }
}
