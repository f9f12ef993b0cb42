package org.paperlens.index.lucene;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Papers that score the same come back in the same order (by id) whatever order a build added
 * them in: a parallel build adds documents in no fixed order, and Lucene breaks ties by its
 * internal document number.
 */
class TiedScoresTest {

  static final float[] SAME_VECTOR = {0.5f, 0.5f, 0.5f, 0.5f};

  static Paper twin(String id) {
    return Paper.builder(new PaperId(id)).title("Identical twins of a paper").abstractText("Every word the same.")
        .authors(List.of("Ann Author")).categories(List.of("cs.LG")).firstListed(LocalDate.of(2024, 1, 3)).source("test").build();
  }

  static LuceneIndex build(Path root, List<String> order) throws Exception {
    Path generation = IndexDirectory.nextGeneration(root);
    try (FSDirectory dir = FSDirectory.open(generation); IndexWriter writer = new IndexWriter(dir, IndexBuilder.config(IndexSettings.DEFAULT))) {
      for (String id : order) {
        writer.addDocument(PaperDocument.of(twin(id), SAME_VECTOR));
      }
      writer.addDocument(PaperDocument.of(Paper.builder(new PaperId("2401.09999")).title("Something else entirely")
          .abstractText("Unrelated.").firstListed(LocalDate.of(2024, 1, 3)).source("test").build(), new float[] {1, 0, 0, 0}));
      writer.commit();
    }
    IndexDirectory.publish(root, generation);
    return LuceneIndex.open(root, IndexSettings.DEFAULT);
  }

  static List<String> ids(List<IndexHit> hits) {
    return hits.stream().map(h -> h.id().value()).toList();
  }

  @Test
  void tied_keyword_and_vector_hits_are_ordered_by_id_in_every_build(@TempDir Path dir) throws Exception {
    try (LuceneIndex one = build(dir.resolve("one"), List.of("2401.00005", "2401.00003", "2401.00001", "2401.00004", "2401.00002"));
        LuceneIndex two = build(dir.resolve("two"), List.of("2401.00002", "2401.00004", "2401.00001", "2401.00005", "2401.00003"))) {
      for (LuceneIndex index : List.of(one, two)) {
        assertThat(ids(index.keyword("identical twins", Filters.NONE, 10)))
            .containsExactly("2401.00001", "2401.00002", "2401.00003", "2401.00004", "2401.00005");
        assertThat(ids(index.keyword("identical twins", Filters.NONE, 2))).as("the cut at k keeps the lowest ids")
            .containsExactly("2401.00001", "2401.00002");
        assertThat(ids(index.keyword("cat:cs.LG", Filters.NONE, 3))).containsExactly("2401.00001", "2401.00002", "2401.00003");
        assertThat(ids(index.nearest(SAME_VECTOR, Filters.NONE, 5)))
            .containsExactly("2401.00001", "2401.00002", "2401.00003", "2401.00004", "2401.00005");
      }
    }
  }
}
