package org.paperlens.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.BadInputException;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paperlens.ingest.TestInputs.importPaths;
import static org.paperlens.ingest.TestInputs.papers;
import static org.paperlens.ingest.TestInputs.readAll;
import static org.paperlens.ingest.TestInputs.shared;


/** The Atom reader on real arXiv API responses from {@code ../shared/data/fixtures/arxiv-atom}. */
class ArxivApiFixturesTest {

  private static final String RECORDED = "fixtures/arxiv-atom/recorded-json-2026/";
  private static final String OLDER = "fixtures/arxiv-atom/atom-xml-older/";

  private final AtomReader reader = new AtomReader();

  @Test
  void a_recorded_2026_response_gives_the_paper_exactly() throws Exception {
    Paper p = only(RECORDED + "id_1605.08386_s0_m100_199195aa31ad.json");

    assertThat(p.id()).isEqualTo(new PaperId("1605.08386"));
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.title()).isEqualTo("Heat-bath random walks with Markov bases");
    assertThat(p.authors()).containsExactly("Caprice Stanley", "Tobias Windisch");
    assertThat(p.primaryCategory()).isEqualTo("math.CO");
    assertThat(p.categories()).containsExactly("math.CO", "math.ST");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2016, 5, 26));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2016, 5, 26));
    assertThat(p.comment()).isEqualTo("20 pages, 3 figures");
    assertThat(p.journalRef()).isNull();
    assertThat(p.doi()).isNull();
    assertThat(p.abstractText()).startsWith("Graphs on lattice points are studied whose edges come from")
        .endsWith("is an expander in fixed dimension.");
  }

  @Test
  void an_old_style_id_keeps_its_archive_and_journal_reference() throws Exception {
    Paper p = only(RECORDED + "id_astro-ph_0601001_s0_m100_3150dca9dc76.json");

    assertThat(p.id()).isEqualTo(new PaperId("astro-ph/0601001"));
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.authors()).startsWith("Andrew Gould", "Susan Dorsher", "B. Scott Gaudi");
    assertThat(p.primaryCategory()).isEqualTo("astro-ph");
    assertThat(p.journalRef()).isEqualTo("ActaAstron.56:1-50,2006");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2006, 1, 2));
  }

  @Test
  void an_older_raw_feed_gives_doi_journal_reference_and_a_later_version() throws Exception {
    Paper p = only(OLDER + "id_list=1111.2011v2.xml");

    assertThat(p.id()).isEqualTo(new PaperId("1111.2011"));
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.title()).isEqualTo(
        "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit");
    assertThat(p.authors()).containsExactly("James M. Murray", "Adrian Del Maestro", "Zlatko Tesanovic");
    assertThat(p.primaryCategory()).isEqualTo("cond-mat.str-el");
    assertThat(p.categories()).containsExactly("cond-mat.str-el", "cond-mat.stat-mech");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2011, 11, 8));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2012, 4, 2));
    assertThat(p.doi()).isEqualTo("10.1103/PhysRevB.85.115117");
    assertThat(p.journalRef()).isEqualTo("Phys. Rev. B 85, 115117 (2012)");
    assertThat(p.comment()).isEqualTo("8 pages, 3 figures. Published version");
  }

  @Test
  void feeds_for_ids_arxiv_does_not_have_are_empty() throws Exception {
    assertThat(readAll(reader, shared(RECORDED + "id_0000.0000_s0_m100_8b51d9633a68.json"))).isEmpty();
    assertThat(readAll(reader, shared(RECORDED + "id_0808.05394_s0_m100_7b0c7d0a7cdd.json"))).isEmpty();
  }

  @Test
  void the_recorded_answer_to_a_malformed_id_is_a_bad_input_quoting_the_api_error() {
    Path file = shared(RECORDED + "id_abc_s0_m100_b79c8dcf6bc3.json");

    assertThatThrownBy(() -> readAll(reader, file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("the recorded request failed with HTTP 400: "
            + "the arXiv API reported an error: incorrect id format for abc");
  }

  @Test
  void the_error_entry_in_that_answer_is_a_malformed_record_when_read_as_a_feed() throws Exception {
    String body = new ObjectMapper().readTree(shared(RECORDED + "id_abc_s0_m100_b79c8dcf6bc3.json").toFile())
        .get("body").asText();
    List<SourceRecord> records = new ArrayList<>();

    reader.read("id_abc.xml", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), records::add);

    assertThat(records).containsExactly(new SourceRecord.Malformed("id_abc.xml#entry 1",
        "the arXiv API reported an error: incorrect id format for abc"));
  }

  @Test
  void consecutive_pages_of_a_query_join_into_the_longer_page() throws Exception {
    List<String> joined = new ArrayList<>();
    for (String page : List.of("s0_m10_bc5a6c384fe9", "s10_m10_34e56e15aaac", "s20_m10_348a237fecab",
        "s30_m10_f2e39f0143dc", "s40_m10_96dd32eb854c", "s50_m10_7f488ab8598c")) {
      List<SourceRecord> records = readAll(reader, shared(RECORDED + "q_testing_" + page + ".json"));
      assertThat(records).hasSize(10).allMatch(r -> r instanceof SourceRecord.Found);
      papers(records).forEach(p -> joined.add(p.id().value()));
    }
    List<String> hundred = papers(readAll(reader, shared(RECORDED + "q_testing_s0_m100_cfe7536492ca.json")))
        .stream().map(p -> p.id().value()).toList();

    assertThat(hundred).hasSize(100).doesNotHaveDuplicates();
    assertThat(joined).isEqualTo(hundred.subList(0, 60));
  }

  @Test
  void importing_every_page_adds_each_paper_once(@TempDir Path dataDir) throws Exception {
    Path[] pages;
    try (Stream<Path> files = Files.list(shared(RECORDED))) {
      pages = files.filter(f -> f.getFileName().toString().startsWith("q_testing_")).sorted().toArray(Path[]::new);
    }
    try (CatalogueStore store = TestDatabase.catalogue(dataDir)) {
      ImportReport first = importPaths(store, pages);
      ImportReport again = importPaths(store, pages);

      assertThat(pages).hasSize(11);
      assertThat(first.read()).isEqualTo(215);
      assertThat(first.added()).isEqualTo(100);
      assertThat(first.skipped()).isZero();
      assertThat(again.unchanged()).isEqualTo(again.read()).isEqualTo(215);
    }
  }

  @Test
  void importing_the_older_feeds_folder_detects_the_format_by_content(@TempDir Path dataDir) throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dataDir)) {
      ImportReport report = importPaths(store, shared(OLDER));

      assertThat(report.read()).isEqualTo(24);
      assertThat(report.added()).isEqualTo(12);
      assertThat(report.skipped()).isZero();
      assertThat(store.find(new PaperId("cond-mat/0603029"))).get()
          .satisfies(p -> assertThat(p.doi()).isEqualTo("10.1103/PhysRevB.74.024520"));
    }
  }

  @Test
  void importing_the_recorded_folder_stops_at_the_failed_request_keeping_what_came_before(
      @TempDir Path dataDir) throws Exception {
    Path recorded = shared(RECORDED);
    try (CatalogueStore store = TestDatabase.catalogue(dataDir)) {
      assertThatThrownBy(() -> importPaths(store, recorded))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("id_abc_s0_m100_b79c8dcf6bc3.json: the recorded request failed with HTTP 400");

      // files sort by name: the 0000.0000, 0808.05394, 1605, 1707 and 2104 answers come before id_abc
      assertThat(store.find(new PaperId("1605.08386"))).isPresent();
      assertThat(store.find(new PaperId("2104.12255"))).isPresent();
      assertThat(store.find(new PaperId("astro-ph/0601001"))).isEmpty();
    }
  }

  private Paper only(String relative) throws Exception {
    List<SourceRecord> records = readAll(reader, shared(relative));
    assertThat(records).hasSize(1);
    return papers(records).getFirst();
  }
}
