package org.paperlens.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.citation.graph.CitationGraph;
import org.paperlens.common.Progress;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.VectorLookup;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.live.CatalogueSource;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.search.Fusion;
import org.paperlens.search.SearchFixture;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * Related papers with a small citation graph over the search corpus. Three outside works cite the molecule paper 2401.00101 together with the
 * quantum paper 2401.00108 (and one of them an outside work too); 2401.00101 and the diffusion
 * paper 2401.00104 share two outside references. Text alone never puts either near the molecule paper.
 */
class RelatedPapersCitationsTest {

  @TempDir static Path tmp;
  static CatalogueStore store;
  static LuceneIndex index;
  static VectorLookup lookup;
  static RelatedPapers textOnly;
  static RelatedPapers withGraph;

  static final PaperId MOLECULES = new PaperId("2401.00101");

  /**
   * Topic vectors (molecules, language, vision, physics) with distinct similarities to 00101, so
   * the text ranking has no ties for the HNSW graph to break either way.
   */
  static final java.util.Map<String, float[]> VECTORS = java.util.Map.of(
      "2401.00101", SearchFixture.unit(1, 0, 0, 0),
      "2401.00105", SearchFixture.unit(0.96f, 0.28f, 0, 0),
      "2401.00109", SearchFixture.unit(0.8f, 0, 0, 0.6f),
      "2401.00108", SearchFixture.unit(0.3f, 0, 0, 0.95f),
      "2401.00102", SearchFixture.unit(0.2f, 0.98f, 0, 0),
      "2401.00106", SearchFixture.unit(0.1f, 0.99f, 0, 0));

  static CitationEdge edge(String citing, String cited) {
    return new CitationEdge(new PaperId(citing), new PaperId(cited));
  }

  static CitationGraph graph() {
    return CitationGraph.of(List.of(
        edge("work:1", "2401.00101"), edge("work:1", "2401.00108"), edge("work:1", "work:99"),
        edge("work:2", "2401.00101"), edge("work:2", "2401.00108"),
        edge("work:3", "2401.00101"), edge("work:3", "2401.00108"),
        edge("2401.00101", "work:10"), edge("2401.00101", "work:11"),
        edge("2401.00104", "work:10"), edge("2401.00104", "work:11")));
  }

  @BeforeAll
  static void build() throws Exception {
    store = TestDatabase.catalogue(tmp.resolve("data"));
    new Importer(store, new Importer.Options(java.util.Optional.empty(), "x", 100), Progress.NONE)
        .run(List.of(Fixtures.path("search-corpus.jsonl")), new ImportReport());
    lookup = id -> VECTORS.get(id.value());
    IndexBuilder.rebuild(CatalogueSource.of(store, lookup), tmp.resolve("index"), IndexSettings.DEFAULT, Progress.NONE);
    index = LuceneIndex.open(tmp.resolve("index"), IndexSettings.DEFAULT);
    textOnly = new RelatedPapers(index, lookup, new Fusion.WeightedScores(0.4f));
    withGraph = new RelatedPapers(index, lookup, new Fusion.WeightedScores(0.4f), CitationSignal.of(graph()));
  }

  @AfterAll
  static void close() {
    index.close();
    store.close();
  }

  static List<String> ids(List<RelatedPaper> r) {
    return r.stream().map(p -> p.paper().id().value()).toList();
  }

  @Test
  void papers_cited_together_or_sharing_references_join_the_text_ranking_in_reciprocal_rank_order() {
    // Text alone: 00109, 00105, 00108, 00102, 00106. Graph: 00108 (co-cited thrice), 00104 (two shared
    // references); work:99 is co-cited too but outside the catalogue. RRF k = 10, both lists weighing 0.5:
    // 00108 = 0.5/13 + 0.5/11, 00109 = 0.5/11, 00104 = 0.5/12 = 00105 (tie broken by id), 00102 = 0.5/14, 00106 = 0.5/15.
    List<RelatedPaper> r = withGraph.find(MOLECULES, Filters.NONE, 10);
    assertThat(ids(r)).containsExactly("2401.00108", "2401.00109", "2401.00104", "2401.00105", "2401.00102", "2401.00106");
    assertThat(r.get(0).score()).isCloseTo((float) (0.5 / 13 + 0.5 / 11), org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(r.get(2).score()).isCloseTo((float) (0.5 / 12), org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(ids(textOnly.find(MOLECULES, Filters.NONE, 10)))
        .containsExactly("2401.00109", "2401.00105", "2401.00108", "2401.00102", "2401.00106");
  }

  @Test
  void each_paper_the_graph_had_a_part_in_says_so_beside_its_text_reason() {
    List<RelatedPaper> r = withGraph.find(MOLECULES, Filters.NONE, 10);
    assertThat(r.get(0).reason()).isEqualTo("0.30 similar in meaning \u00b7 cited together by 3 papers");
    assertThat(r.get(0).citations().coCitations()).isEqualTo(3);
    assertThat(r.get(2).reason()).isEqualTo("shares 2 references");
    assertThat(r.get(2).citations().sharedReferences()).isEqualTo(2);
    assertThat(r.get(1).citations()).isNull();
    assertThat(r.get(1).reason()).isEqualTo(textOnly.find(MOLECULES, Filters.NONE, 10).get(0).reason())
        .startsWith("shares \u201cprediction\u201d");
  }

  @Test
  void works_outside_the_catalogue_count_as_citers_and_references_but_are_never_shown() {
    for (String id : VECTORS.keySet()) {
      assertThat(ids(withGraph.find(new PaperId(id), Filters.NONE, 10))).noneMatch(p -> p.startsWith("work:"));
    }
  }

  @Test
  void without_citation_data_every_paper_gets_exactly_the_text_ranking_of_before() {
    // No edges at all, and edges that touch no catalogue paper of the query's: both must change nothing.
    RelatedPapers empty = new RelatedPapers(index, lookup, new Fusion.WeightedScores(0.4f), CitationSignal.of(CitationGraph.EMPTY));
    RelatedPapers elsewhere = new RelatedPapers(index, lookup, new Fusion.WeightedScores(0.4f),
        CitationSignal.of(CitationGraph.of(List.of(edge("work:1", "work:2"), edge("work:3", "work:2")))));
    List<String> all = new ArrayList<>(VECTORS.keySet());
    all.add("2401.00103");
    for (String id : all) {
      for (int k : new int[] {1, 3, 10}) {
        List<RelatedPaper> before = textOnly.find(new PaperId(id), Filters.NONE, k);
        assertThat(empty.find(new PaperId(id), Filters.NONE, k)).as("%s, k=%d", id, k).isEqualTo(before);
        assertThat(elsewhere.find(new PaperId(id), Filters.NONE, k)).as("%s, k=%d", id, k).isEqualTo(before);
      }
    }
    // and a paper the graph does not hold keeps its list when others have citations
    assertThat(withGraph.find(new PaperId("2401.00102"), Filters.NONE, 10))
        .isEqualTo(textOnly.find(new PaperId("2401.00102"), Filters.NONE, 10));
  }

  @Test
  void graph_neighbours_outside_the_filters_are_left_out() {
    Filters cl = new Filters(null, null, Set.of("cs.CL"), null);
    assertThat(ids(withGraph.find(MOLECULES, cl, 10))).isSubsetOf("2401.00102", "2401.00106");
    Filters vision = new Filters(null, null, Set.of("cs.CV"), null);
    assertThat(ids(withGraph.find(MOLECULES, vision, 10))).containsExactly("2401.00104");
  }

  @Test
  void a_ranking_asked_to_leave_papers_out_leaves_them_out_of_both_lists_before_fusing() {
    // 00108 gone from both: 00104 is now first of the graph's list and 00109 first of the text's, a tie (0.5/11) broken by id
    List<IndexHit> r = withGraph.rank(MOLECULES, Filters.NONE, 10, Set.of(new PaperId("2401.00108")));
    assertThat(r).extracting(h -> h.id().value())
        .containsExactly("2401.00104", "2401.00109", "2401.00105", "2401.00102", "2401.00106");
  }
}
