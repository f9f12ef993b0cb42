package org.paperlens.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.index.Filters;
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
import org.paperlens.testing.TestDatabase;

/**
 * Related-paper reasons name what two papers share that a reader recognises: on a corpus where two
 * diffusion papers share math variables ("n", "d"), a number, stock words ("models", "results") and
 * a word every paper of the corpus uses ("pipeline"), the reason names only their subject.
 */
class RelatedReasonsTest {

  @TempDir static Path tmp;
  static CatalogueStore store;
  static LuceneIndex index;
  static RelatedPapers related;

  static final String MASKED = "2605.00001";
  static final String DISCRETE = "2605.00002";

  @BeforeAll
  static void build() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(paper(MASKED, "Masked diffusion language models for planning",
        "We propose masked diffusion language models whose cost is O(n d) for n tokens of width d, in 2 stages."
            + " Our models improve results on planning with a denoising pipeline."));
    lines.add(paper(DISCRETE, "Discrete diffusion language models at scale",
        "Discrete diffusion language models reach O(n d) cost for n tokens of width d in 2 stages; the models"
            + " show strong results for denoising, and our pipeline scales."));
    String[] topics = {"robot grasping", "protein folding", "query optimisation", "speech recognition", "graph colouring",
        "image segmentation", "compiler testing", "network routing", "fair allocation", "code search"};
    for (int i = 0; i < 58; i++) {
      String topic = topics[i % topics.length] + " variant " + i;
      lines.add(paper(String.format("2604.%05d", i + 1), "A study of " + topic,
          "This paper studies " + topic + " with a new pipeline; models and results are reported."));
    }
    Path file = tmp.resolve("corpus.jsonl");
    Files.write(file, lines);
    store = TestDatabase.catalogue(tmp.resolve("data"));
    new Importer(store, new Importer.Options(java.util.Optional.empty(), "x", 100), Progress.NONE).run(List.of(file), new ImportReport());
    VectorLookup none = id -> null;
    IndexBuilder.rebuild(CatalogueSource.of(store, none), tmp.resolve("index"), IndexSettings.DEFAULT, Progress.NONE);
    index = LuceneIndex.open(tmp.resolve("index"), IndexSettings.DEFAULT);
    related = new RelatedPapers(index, none, new Fusion.WeightedScores(0.4f));
  }

  private static String paper(String id, String title, String abstractText) {
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"summary\":\"" + abstractText
        + "\",\"authors\":[\"A Author\"],\"categories\":[\"cs.LG\"],\"first_seen_listing_date\":\"2026-05-01\"}";
  }

  @AfterAll
  static void close() {
    index.close();
    store.close();
  }

  private RelatedPaper discreteFromMasked() {
    return related.find(new PaperId(MASKED), Filters.NONE, 5).stream()
        .filter(r -> r.paper().id().value().equals(DISCRETE)).findFirst().orElseThrow();
  }

  @Test
  void the_reason_names_the_shared_subject() {
    RelatedPaper r = discreteFromMasked();
    assertThat(r.rank()).isEqualTo(1);
    assertThat(r.sharedTerms()).contains("diffusion", "language", "denoising");
    assertThat(r.reason()).startsWith("shares").contains("\u201cdiffusion\u201d");
  }

  @Test
  void no_single_letter_or_number_alone_is_a_reason() {
    assertThat(discreteFromMasked().sharedTerms()).doesNotContain("n", "d", "o", "2")
        .allSatisfy(w -> assertThat(w).matches(".*\\p{L}.*\\p{L}.*|\\d+\\p{L}"));
  }

  @Test
  void generic_words_of_research_writing_are_no_reason() {
    assertThat(discreteFromMasked().sharedTerms()).doesNotContain("models", "model", "results", "result", "our");
  }

  @Test
  void a_word_in_most_papers_of_the_index_is_no_reason_though_no_list_names_it() {
    // "pipeline" is in all 60 papers: more than one in ten and more than 50 papers.
    assertThat(discreteFromMasked().sharedTerms()).doesNotContain("pipeline");
  }

  @Test
  void reasons_show_words_as_written_never_stems() {
    for (RelatedPaper r : related.find(new PaperId(MASKED), Filters.NONE, 10)) {
      assertThat(r.sharedTerms()).doesNotContain("diffus", "languag", "denois", "mask", "discret");
    }
    assertThat(index.moreLikeThis(new PaperId(MASKED), Filters.NONE, 5).terms())
        .contains("diffusion").doesNotContain("n", "d", "models", "pipeline", "diffus");
  }
}
