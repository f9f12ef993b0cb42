package org.paperlens.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.common.BadInputException;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paperlens.ingest.TestInputs.fixture;
import static org.paperlens.ingest.TestInputs.papers;
import static org.paperlens.ingest.TestInputs.readAll;
import static org.paperlens.ingest.TestInputs.readInto;


class AtomReaderTest {

  private final AtomReader reader = new AtomReader();

  @Test
  void every_field_of_an_entry_is_read_and_normalised() throws Exception {
    Paper p = papers(readAll(reader, fixture("atom/two-entries.xml"))).getFirst();

    assertThat(p.id()).isEqualTo(new PaperId("2601.00042"));
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.title()).isEqualTo("Reading Lenses: a Study of $\\ell_1$ Catalogues");
    assertThat(p.abstractText()).isEqualTo(
        "First paragraph, hard wrapped by the submitter.\n\nSecond paragraph with TeX $x^2$ and \\\"umlaut.");
    assertThat(p.authors()).containsExactly("Ada Lovelace", "Émile Borel");
    assertThat(p.primaryCategory()).isEqualTo("cs.DL");
    assertThat(p.categories()).containsExactly("cs.DL", "cs.IR");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2025, 12, 30));
    assertThat(p.comment()).isEqualTo("12 pages, 3 figures");
    assertThat(p.journalRef()).isEqualTo("J. Imaginary Lenses 1 (2026) 1-12");
    assertThat(p.doi()).isEqualTo("10.0000/example.42");
    assertThat(p.absUrl()).isEqualTo("https://arxiv.org/abs/2601.00042");
    assertThat(p.pdfUrl()).isEqualTo("https://arxiv.org/pdf/2601.00042");
    assertThat(p.source()).isEqualTo("arxiv-atom");
  }

  @Test
  void dates_are_taken_as_the_day_in_utc() throws Exception {
    Paper p = papers(readAll(reader, fixture("atom/two-entries.xml"))).getFirst();

    // 2026-01-04T23:30:00-02:00 is already the 5th in UTC, arXiv's clock
    assertThat(p.updated()).isEqualTo(LocalDate.of(2026, 1, 5));
  }

  @Test
  void entries_come_out_in_feed_order_with_old_style_ids() throws Exception {
    List<SourceRecord> records = readAll(reader, fixture("atom/two-entries.xml"));

    assertThat(records).extracting(SourceRecord::where).allSatisfy(w -> assertThat(w).contains("two-entries.xml#"));
    assertThat(papers(records)).extracting(p -> p.id().value()).containsExactly("2601.00042", "math/0101001");
    assertThat(records.get(1).where()).endsWith("#math/0101001v1");
  }

  @Test
  void an_entry_without_an_id_or_with_a_bad_date_is_skipped_and_the_rest_are_read() throws Exception {
    List<SourceRecord> records = readAll(reader, fixture("atom/entry-without-id.xml"));

    assertThat(records).hasSize(4);
    assertThat(records.get(1)).isEqualTo(new SourceRecord.Malformed(
        fixture("atom/entry-without-id.xml") + "#entry 2", "an entry without an id"));
    assertThat(records.get(2)).isInstanceOfSatisfying(SourceRecord.Malformed.class,
        bad -> assertThat(bad.reason()).isEqualTo("bad date 'not a date'"));
    assertThat(papers(records)).extracting(Paper::title).containsExactly("Before", "After, with a good date");
  }

  @Test
  void an_api_error_entry_is_a_malformed_record_with_the_error_as_reason() throws Exception {
    List<SourceRecord> records = readAll(reader, fixture("atom/api-error.xml"));

    assertThat(records).singleElement().isInstanceOfSatisfying(SourceRecord.Malformed.class,
        bad -> assertThat(bad.reason()).isEqualTo("the arXiv API reported an error: incorrect id format for nonsense"));
  }

  @Test
  void an_empty_feed_yields_nothing() throws Exception {
    assertThat(readAll(reader, fixture("atom/empty-feed.xml"))).isEmpty();
  }

  @Test
  void a_truncated_feed_is_a_bad_input_after_the_entries_before_the_cut() throws Exception {
    List<SourceRecord> records = new ArrayList<>();

    assertThatThrownBy(() -> readInto(reader, fixture("atom/truncated.xml"), records))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("truncated.xml: the feed breaks off");
    assertThat(papers(records)).extracting(p -> p.id().value()).containsExactly("2601.00042");
  }

  @Test
  void a_file_that_is_not_xml_is_a_bad_input() {
    assertThatThrownBy(() -> readAll(reader, fixture("atom/not-a-feed.xml")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not an Atom feed");
  }

  @Test
  void xml_that_is_not_an_atom_feed_is_a_bad_input() {
    assertThatThrownBy(() -> readAll(reader, fixture("atom/wrong-root.xml")))
        .isInstanceOf(BadInputException.class)
        .hasMessageEndingWith("not an Atom feed (the document is <rss>)");
  }

  @Test
  void a_recorded_response_is_read_like_the_feed_inside_it() throws Exception {
    Paper p = papers(readAll(reader, fixture("atom/recorded-ok.json"))).getFirst();

    assertThat(p.id().value()).isEqualTo("2601.00009");
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.title()).isEqualTo("Recorded & Replayed");
    assertThat(p.updated()).isEqualTo(LocalDate.of(2026, 1, 10));
  }

  @Test
  void a_recorded_failed_request_is_a_bad_input_naming_the_status_and_the_error() {
    assertThatThrownBy(() -> readAll(reader, fixture("atom/recorded-503.json")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("the recorded request failed with HTTP 503: the arXiv API reported an error: too many requests, retry later")
        .hasMessageContaining("(https://export.arxiv.org/api/query?search_query=all:overload)");
  }

  @Test
  void a_document_type_declaration_is_refused_rather_than_followed() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2601.00001</id>"
        + "<title>&x;</title></entry></feed>";
    List<SourceRecord> records = new ArrayList<>();

    assertThatThrownBy(() -> reader.read("xxe.xml",
        new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), records::add))
        .isInstanceOf(BadInputException.class);
    assertThat(records).isEmpty();
  }
}
