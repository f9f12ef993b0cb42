package org.paperlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.paperlens.common.BadInputException;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class OaiPmhReaderTest {

  private static final String REAL = "fixtures/arxiv-oai-pmh";

  private final OaiPmhReader reader = new OaiPmhReader();

  record Parsed(OaiPage page, List<SourceRecord> records) {
    Paper paper(String id) {
      return records.stream().filter(r -> r instanceof SourceRecord.Found).map(r -> ((SourceRecord.Found) r).paper())
          .filter(p -> p.id().value().equals(id)).findFirst().orElseThrow();
    }
  }

  private Parsed parse(Path file) throws IOException {
    List<SourceRecord> records = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      OaiPage page = reader.parsePage(file.getFileName().toString(), in, records::add);
      return new Parsed(page, records);
    }
  }

  static Path fixture(String name) {
    return Path.of("src/test/resources/fixtures/oai", name);
  }

  @Test
  void a_real_list_records_page_gives_each_field_of_a_paper_exactly() throws IOException {
    Parsed parsed = parse(SharedData.require(REAL).resolve("arxiv-physics-hep-th.xml"));

    Paper p = parsed.paper("1412.8323");
    assertThat(p.title()).isEqualTo("Toolbox for reconstructing quantum theory from rules on information acquisition");
    assertThat(p.authors()).containsExactly("Philipp A Hoehn");
    assertThat(p.categories()).containsExactly("quant-ph", "gr-qc", "hep-th", "math-ph", "math.MP", "physics.hist-ph");
    assertThat(p.primaryCategory()).isEqualTo("quant-ph");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2014, 12, 29));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2017, 12, 13));
    assertThat(p.version()).isZero();
    assertThat(p.source()).isEqualTo("arxiv-oai");
    assertThat(p.absUrl()).isEqualTo("https://arxiv.org/abs/1412.8323");
    assertThat(p.pdfUrl()).isEqualTo("https://arxiv.org/pdf/1412.8323");
    assertThat(p.comment()).startsWith("78 pages, many figures, graphs and references. Version accepted for publication in Quantum (");
    assertThat(p.abstractText()).startsWith("We develop an operational approach for reconstructing the quantum theory of qubit systems")
        .doesNotContain("\n");
    assertThat(parsed.records()).first().extracting(SourceRecord::where)
        .isEqualTo("arxiv-physics-hep-th.xml#oai:arXiv.org:1412.8323");
  }

  @Test
  void a_real_page_reports_its_response_date_and_that_the_list_is_complete() throws IOException {
    Parsed parsed = parse(SharedData.require(REAL).resolve("arxiv-physics-hep-th.xml"));

    assertThat(parsed.page().responseDate()).contains(Instant.parse("2017-12-14T12:56:31Z"));
    assertThat(parsed.page().listComplete()).isTrue();
    assertThat(parsed.page().error()).isEmpty();
    assertThat(parsed.page().records()).isEqualTo(parsed.records().size());
  }

  @Test
  void a_real_get_record_response_keeps_journal_reference_doi_and_the_comment_on_one_line() throws IOException {
    Parsed parsed = parse(SharedData.require(REAL).resolve("arxiv-single.xml"));

    assertThat(parsed.records()).hasSize(1);
    Paper p = parsed.paper("1401.2122");
    assertThat(p.title()).isEqualTo("New integrable (3+1)-dimensional systems and contact geometry");
    assertThat(p.authors()).containsExactly("A. Sergyeyev");
    assertThat(p.primaryCategory()).isEqualTo("math.AP");
    assertThat(p.journalRef()).isEqualTo("Lett. Math. Phys. 108 (2018), no. 2, 359-376");
    assertThat(p.doi()).isEqualTo("10.1007/s11005-017-1013-4");
    assertThat(p.comment()).isEqualTo("16 pages, LaTeX, no figures, revised and abridged, in this version (v5) the typos"
        + " were fixed (including some that have unfortunately crept into the published version too), Letters in"
        + " Mathematical Physics (2017)");
    assertThat(p.abstractText()).isEqualTo("We introduce a novel systematic construction for integrable (3+1)-dimensional"
        + " dispersionless systems using nonisospectral Lax pairs that involve contact vector fields.\n\n"
        + "In particular, we present new large classes of (3+1)-dimensional integrable dispersionless systems"
        + " associated to the Lax pairs which are polynomial and rational in the spectral parameter.");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2014, 1, 9));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2017, 10, 23));
  }

  @Test
  void an_author_suffix_follows_the_name_and_a_record_without_updated_uses_its_creation_date() throws IOException {
    Parsed parsed = parse(SharedData.require(REAL).resolve("sample_arxiv_record4.xml"));

    Paper p = parsed.paper("1603.05976");
    assertThat(p.authors()).contains("R. W. IV", "P. Ade").hasSize(66);
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2016, 3, 18));
    assertThat(p.updated()).isEqualTo(p.submitted());
    assertThat(p.abstractText()).endsWith("tensor-to-scalar ratio of $r<1\\times10^{-4}$.");
  }

  @Test
  void every_real_recorded_response_reads_without_a_bad_record() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(SharedData.require(REAL))) {
      files = s.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
    assertThat(files).hasSize(15);
    int papers = 0;
    for (Path f : files) {
      Parsed parsed = parse(f);
      assertThat(parsed.records()).as(f.toString()).isNotEmpty().allSatisfy(r -> {
        assertThat(r).isInstanceOf(SourceRecord.Found.class);
        Paper p = ((SourceRecord.Found) r).paper();
        assertThat(p.title()).isNotBlank();
        assertThat(p.authors()).isNotEmpty();
        assertThat(p.abstractText()).isNotBlank();
        assertThat(p.submitted()).isNotNull();
      });
      papers += parsed.records().size();
    }
    // sample_arxiv_record.xml 12, sample_arxiv_record0-10 one each, arxiv-single 1, hep-ex 3, hep-th 3
    assertThat(papers).isEqualTo(12 + 11 + 1 + 3 + 3);
  }

  @Test
  void oai_dc_records_give_reordered_creators_abstract_comment_dates_and_doi() throws IOException {
    Parsed parsed = parse(fixture("oai-dc-page.xml"));

    assertThat(parsed.records()).hasSize(2).allMatch(r -> r instanceof SourceRecord.Found);
    Paper p = parsed.paper("2602.00101");
    assertThat(p.title()).isEqualTo("Folding Paper Cranes with Gradient Descent");
    assertThat(p.authors()).containsExactly("Ada N. Okonkwo", "Pieter van der Berg", "Tomas Ruiz Jr.", "The Crane Collaboration");
    assertThat(p.abstractText()).isEqualTo("We fold paper cranes by descending a gradient of creases.\n\nA second paragraph says it works.");
    assertThat(p.comment()).isEqualTo("9 pages, 3 cranes");
    assertThat(p.categories()).as("prose subjects are not category codes").containsExactly("cs.LG");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2026, 1, 30));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2026, 2, 2));
    assertThat(p.doi()).isEqualTo("10.5555/cranes.2026");
    assertThat(p.version()).isZero();

    Paper old = parsed.paper("cs/9901001");
    assertThat(old.authors()).containsExactly("Maja Lindqvist");
    assertThat(old.submitted()).isEqualTo(old.updated()).isEqualTo(LocalDate.of(1999, 1, 4));
    assertThat(old.comment()).isNull();
  }

  @Test
  void a_deleted_header_becomes_a_deletion_dated_by_its_datestamp() throws IOException {
    Parsed parsed = parse(fixture("deleted-record.xml"));

    assertThat(parsed.records()).hasSize(2);
    assertThat(parsed.records().get(1)).isEqualTo(new SourceRecord.Deleted(new PaperId("2603.00202"),
        LocalDate.of(2026, 3, 9), "deleted-record.xml#oai:arXiv.org:2603.00202"));
  }

  @Test
  void a_page_with_a_resumption_token_says_how_to_continue_and_how_long_the_list_is() throws IOException {
    Parsed parsed = parse(fixture("resumption-token.xml"));

    assertThat(parsed.page().resumptionToken()).contains("6960423|1001");
    assertThat(parsed.page().listComplete()).isFalse();
    assertThat(parsed.page().completeListSize()).hasValue(5);
    assertThat(parsed.page().cursor()).hasValue(0);
    assertThat(parsed.records()).hasSize(2);
    assertThat(parsed.paper("2604.00301").categories()).containsExactly("cs.DB", "cs.DS");
  }

  @Test
  void records_without_an_id_or_a_title_are_malformed_and_reading_goes_on() throws IOException {
    Parsed parsed = parse(fixture("no-id.xml"));

    assertThat(parsed.records()).hasSize(4);
    assertThat(parsed.records().get(1)).isEqualTo(new SourceRecord.Malformed("no-id.xml:11",
        "missing or unrecognised arXiv id 'null'"));
    assertThat(parsed.records().get(2)).isEqualTo(new SourceRecord.Malformed("no-id.xml#oai:arXiv.org:2604.00403", "no title"));
    assertThat(parsed.paper("2604.00404").title()).isEqualTo("After the Gap");
  }

  @Test
  void a_truncated_response_fails_with_the_file_and_line_after_passing_on_the_records_before_it() {
    List<SourceRecord> seen = new ArrayList<>();

    assertThatThrownBy(() -> {
      try (InputStream in = Files.newInputStream(fixture("truncated.xml"))) {
        reader.parsePage("truncated.xml", in, seen::add);
      }
    }).isInstanceOf(BadInputException.class).hasMessageStartingWith("truncated.xml:13: ");
    assertThat(seen).hasSize(1);
  }

  @Test
  void text_that_is_not_xml_fails_as_a_whole_input_at_line_one() {
    assertThatThrownBy(() -> parse(fixture("not-xml.txt")))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("not-xml.txt:1: not well-formed XML")
        .extracting(e -> ((BadInputException) e).where()).isEqualTo("not-xml.txt:1");
  }

  @Test
  void xml_that_is_not_an_oai_response_is_refused() {
    assertThatThrownBy(() -> reader.parsePage("feed.xml",
        new java.io.ByteArrayInputStream("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>".getBytes(java.nio.charset.StandardCharsets.UTF_8)), r -> {}))
        .isInstanceOf(BadInputException.class).hasMessageContaining("root element is <feed>");
  }

  @Test
  void an_oai_error_response_comes_back_as_the_page_error_not_an_exception() throws IOException {
    Parsed parsed = parse(fixture("error-no-records-match.xml"));

    assertThat(parsed.page().error()).contains(new OaiPage.Error("noRecordsMatch", "No records match the request"));
    assertThat(parsed.records()).isEmpty();
  }

  @Test
  void an_external_entity_is_never_resolved() {
    assertThatThrownBy(() -> parse(fixture("external-entity.xml")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("secret");
  }
}
