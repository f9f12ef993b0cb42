package org.paperlens.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.search.Fusion;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/** Related papers on the small search corpus, with hand-made topic vectors (molecules, language, vision, physics). */
class RelatedPapersTest {

  @TempDir static Path tmp;
  static CatalogueStore store;
  static LuceneIndex index;
  static RelatedPapers related;

  static final java.util.Map<String, float[]> VECTORS = java.util.Map.of(
      "2401.00101", new float[] {1, 0, 0, 0},
      "2401.00105", new float[] {0.96f, 0.28f, 0, 0},
      "2401.00109", new float[] {0.8f, 0, 0, 0.6f},
      "2401.00102", new float[] {0, 1, 0, 0},
      "2401.00106", new float[] {0, 0.96f, 0, 0.28f},
      "2401.00108", new float[] {0, 0, 0, 1});

  @BeforeAll
  static void build() throws Exception {
    store = TestDatabase.catalogue(tmp.resolve("data"));
    new Importer(store, new Importer.Options(java.util.Optional.empty(), "x", 100), Progress.NONE)
        .run(List.of(Fixtures.path("search-corpus.jsonl")), new ImportReport());
    IndexBuilder.VectorLookup lookup = id -> VECTORS.get(id.value());
    IndexBuilder.rebuild(store, lookup, tmp.resolve("index"), IndexSettings.DEFAULT, Progress.NONE);
    index = LuceneIndex.open(tmp.resolve("index"), IndexSettings.DEFAULT);
    related = new RelatedPapers(index, lookup, new Fusion.WeightedScores(0.4f));
  }

  @AfterAll
  static void close() {
    index.close();
    store.close();
  }

  @Test
  void the_molecule_papers_are_related_to_each_other_and_the_paper_itself_is_excluded() {
    List<RelatedPaper> r = related.find(new PaperId("2401.00101"), Filters.NONE, 2);
    assertThat(r).extracting(p -> p.paper().id().value()).containsExactlyInAnyOrder("2401.00105", "2401.00109");
    assertThat(related.find(new PaperId("2401.00101"), Filters.NONE, 10))
        .extracting(p -> p.paper().id().value()).doesNotContain("2401.00101");
  }

  @Test
  void each_result_says_why_in_words_and_similarity() {
    RelatedPaper top = related.find(new PaperId("2401.00101"), Filters.NONE, 2).stream()
        .filter(p -> p.paper().id().value().equals("2401.00105")).findFirst().orElseThrow();
    assertThat(top.sharedTerms()).contains("prediction");
    assertThat(top.similarity()).isCloseTo(0.96, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(top.reason()).contains("shares").contains("\u201cprediction\u201d").contains("0.96 similar in meaning");
  }

  @Test
  void a_paper_without_a_vector_still_gets_lexical_neighbours_with_their_words() {
    List<RelatedPaper> r = related.find(new PaperId("2401.00103"), Filters.NONE, 3);
    assertThat(r).isNotEmpty();
    assertThat(r.getFirst().similarity()).isNull();
    assertThat(r.getFirst().reason()).startsWith("shares");
  }

  @Test
  void filters_restrict_the_related_papers() {
    Filters cl = new Filters(null, null, Set.of("cs.CL"), null);
    assertThat(related.find(new PaperId("2401.00101"), cl, 5))
        .extracting(p -> p.paper().id().value()).isSubsetOf("2401.00102", "2401.00106");
  }

  @Test
  void an_unknown_paper_is_a_clear_error() {
    assertThatThrownBy(() -> related.find(new PaperId("2999.99999"), Filters.NONE, 5))
        .isInstanceOf(UnknownPaperException.class).hasMessageContaining("2999.99999");
  }

  @Test
  void reasons_never_name_function_words_even_where_this_tiny_corpus_makes_them_look_rare() {
    // In 11 abstracts "we" and "from" are rare enough to score as distinctive; they explain nothing.
    Set<String> function = Set.of("we", "from", "our", "using", "which", "propose", "show");
    for (String id : VECTORS.keySet()) {
      for (RelatedPaper r : related.find(new PaperId(id), Filters.NONE, 10)) {
        assertThat(r.sharedTerms()).as("reason of %s for %s", r.paper().id(), id).doesNotContainAnyElementsOf(function);
      }
    }
  }
}
