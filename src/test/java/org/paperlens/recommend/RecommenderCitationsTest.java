package org.paperlens.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.citation.graph.CitationGraph;
import org.paperlens.common.Progress;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.VectorLookup;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.live.CatalogueSource;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.related.CitationSignal;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.Fusion;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * Recommendations with a small citation graph over RecommenderTest's corpus and vectors: outside
 * works cite the molecule papers 2401.00101 (three of them) and 2401.00105 (one) together with the
 * quantum paper 2401.00108; 2401.00105 and the diffusion paper 2401.00104 share a reference.
 */
class RecommenderCitationsTest {

  @TempDir static Path tmp;
  static CatalogueStore store;
  static LuceneIndex index;
  static VectorLookup lookup;
  static Recommender textOnly;
  static Recommender withGraph;

  static final String MOLECULAR = "\u201cGraph Neural Networks for Molecular Property Prediction\u201d";
  static final String CONTRASTIVE = "\u201cContrastive Pretraining of Molecule Encoders\u201d";

  static CitationEdge edge(String citing, String cited) {
    return new CitationEdge(new PaperId(citing), new PaperId(cited));
  }

  static CitationGraph graph() {
    List<CitationEdge> edges = new ArrayList<>();
    for (String citer : List.of("work:1", "work:2", "work:3")) {
      edges.add(edge(citer, "2401.00101"));
      edges.add(edge(citer, "2401.00108"));
    }
    edges.add(edge("work:4", "2401.00105"));
    edges.add(edge("work:4", "2401.00108"));
    edges.add(edge("2401.00105", "work:10"));
    edges.add(edge("2401.00104", "work:10"));
    return CitationGraph.of(edges);
  }

  static RelatedPapers related(CitationSignal signal) {
    return new RelatedPapers(index, lookup, new Fusion.WeightedScores(0.4f), signal);
  }

  @BeforeAll
  static void build() throws Exception {
    store = TestDatabase.catalogue(tmp.resolve("data"));
    new Importer(store, new Importer.Options(Optional.empty(), "x", 100), Progress.NONE)
        .run(List.of(Fixtures.path("search-corpus.jsonl"), Fixtures.path("recommend-extra.jsonl")), new ImportReport());
    lookup = id -> RecommenderTest.VECTORS.get(id.value());
    IndexBuilder.rebuild(CatalogueSource.of(store, lookup), tmp.resolve("index"), IndexSettings.DEFAULT, Progress.NONE);
    index = LuceneIndex.open(tmp.resolve("index"), IndexSettings.DEFAULT);
    textOnly = new Recommender(index, related(CitationSignal.NONE));
    withGraph = new Recommender(index, related(CitationSignal.of(graph())));
  }

  @AfterAll
  static void close() {
    index.close();
    store.close();
  }

  static Recommendations ask(Recommender r, Method method, int k, String... liked) {
    return r.recommend(new RecommendRequest(java.util.Arrays.stream(liked).map(PaperId::new).toList(), List.of(), null, null,
        null, k, method));
  }

  static List<String> ranked(Recommendations r) {
    return r.items().stream().map(i -> i.paper().id().value()).toList();
  }

  @Test
  void a_paper_cited_together_with_the_liked_papers_is_fused_into_the_learned_ranking_and_says_why() {
    Recommendations before = ask(textOnly, Method.LEARNED, 20, "2401.00101", "2401.00105");
    Recommendations after = ask(withGraph, Method.LEARNED, 20, "2401.00101", "2401.00105");
    assertThat(after.method()).isEqualTo("learned");
    // The graph's list is 00108 (co-cited with both liked papers), then 00104 (one shared reference).
    // Reciprocal rank (k = 10, both lists 0.5): each adds 0.5 / (10 + its rank in the model's list), so
    // both pass the model's first paper (0.5 / 11 at most), and every other paper keeps the model's order.
    double cited = 0.5 / 11 + 0.5 / (11 + ranked(before).indexOf("2401.00108"));
    double diffusion = 0.5 / 12 + 0.5 / (11 + ranked(before).indexOf("2401.00104"));
    List<String> expected = new ArrayList<>(cited >= diffusion ? List.of("2401.00108", "2401.00104")
        : List.of("2401.00104", "2401.00108"));
    ranked(before).stream().filter(p -> !expected.contains(p)).forEach(expected::add);
    assertThat(ranked(after)).isEqualTo(expected);
    assertThat(after.items().get(0).score()).isCloseTo(Math.max(cited, diffusion), org.assertj.core.data.Offset.offset(1e-6));

    Explanation quantum = after.items().get(ranked(after).indexOf("2401.00108")).explanation();
    assertThat(quantum.citations()).extracting(c -> c.id().value()).containsExactly("2401.00101", "2401.00105");
    assertThat(quantum.citations().get(0).evidence().coCitations()).isEqualTo(3);
    assertThat(quantum.reason()).endsWith("with " + MOLECULAR + ": cited together by 3 papers \u00b7 with " + CONTRASTIVE
        + ": cited together by 1 paper");
    assertThat(after.items().get(ranked(after).indexOf("2401.00104")).explanation().reason())
        .endsWith("with " + CONTRASTIVE + ": shares 1 reference");
    // a paper the graph had no part in is explained by text alone, as before
    Recommendation plain = after.items().get(2);
    assertThat(plain.explanation().citations()).isEmpty();
    assertThat(plain.explanation()).isEqualTo(before.items().get(ranked(before).indexOf(plain.paper().id().value())).explanation());
  }

  @Test
  void one_liked_paper_shows_its_related_papers_with_the_graph_reason() {
    Recommendations r = ask(withGraph, Method.LEARNED, 5, "2401.00101");
    assertThat(r.method()).isEqualTo("related");
    assertThat(ranked(r).getFirst()).isEqualTo("2401.00108");
    Explanation why = r.items().getFirst().explanation();
    assertThat(why.citations()).singleElement().satisfies(c -> assertThat(c.evidence().coCitations()).isEqualTo(3));
    assertThat(why.reason()).startsWith("like " + MOLECULAR).endsWith("with " + MOLECULAR + ": cited together by 3 papers");
  }

  @Test
  void without_citation_data_recommendations_are_exactly_those_of_before() {
    Recommender empty = new Recommender(index, related(CitationSignal.of(CitationGraph.EMPTY)));
    for (Method m : Method.values()) {
      for (String[] liked : new String[][] {{"2401.00101"}, {"2401.00101", "2401.00105"}, {"2401.00102", "2401.00106", "2401.00110"}}) {
        assertThat(ask(empty, m, 10, liked)).as("%s %s", m, List.of(liked)).isEqualTo(ask(textOnly, m, 10, liked));
      }
    }
  }
}
