package org.paperlens.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.BadInputException;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paperlens.ingest.TestInputs.fixture;
import static org.paperlens.ingest.TestInputs.importPaths;
import static org.paperlens.ingest.TestInputs.papers;
import static org.paperlens.ingest.TestInputs.readAll;
import static org.paperlens.ingest.TestInputs.readInto;


/** Both JSON Lines schemas, on hand-made samples: the Kaggle arXiv snapshot and daily listings. */
class ArxivJsonLinesReaderTest {

  private static final Path KAGGLE = fixture("kaggle-sample.jsonl");
  private static final Path LISTING = fixture("listing-sample.jsonl");

  private final ArxivJsonLinesReader reader = new ArxivJsonLinesReader();

  @Test
  void a_snapshot_record_maps_every_field() throws Exception {
    Paper p = papers(readAll(reader, KAGGLE)).getFirst();

    assertThat(p.id()).isEqualTo(new PaperId("2101.00001"));
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.title()).isEqualTo("A Sample Title Wrapped Over Two Lines");
    assertThat(p.abstractText()).isEqualTo(
        "First sentence of a made-up abstract, wrapped by the submitter.\n\nA second paragraph.");
    assertThat(p.authors()).containsExactly("Ana Bell", "Carl D. Ross", "Dee Ng");
    assertThat(p.primaryCategory()).isEqualTo("cs.LG");
    assertThat(p.categories()).containsExactly("cs.LG", "stat.ML");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2021, 2, 15));
    assertThat(p.comment()).isEqualTo("10 pages, 2 figures");
    assertThat(p.journalRef()).isEqualTo("J. Sample Res. 1 (2021) 1-10");
    assertThat(p.doi()).isEqualTo("10.0000/sample.1");
    assertThat(p.absUrl()).isEqualTo("https://arxiv.org/abs/2101.00001");
    assertThat(p.source()).isEqualTo("arxiv-snapshot");
  }

  @Test
  void an_old_style_snapshot_id_keeps_its_archive_and_counts_its_versions() throws Exception {
    Paper p = papers(readAll(reader, KAGGLE)).get(1);

    assertThat(p.id()).isEqualTo(new PaperId("hep-th/9901001"));
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.submitted()).isEqualTo(LocalDate.of(1999, 1, 1));
    assertThat(p.updated()).isEqualTo(LocalDate.of(1999, 5, 10));
    assertThat(p.categories()).containsExactly("hep-th", "hep-ph");
    assertThat(p.comment()).isNull();
    assertThat(p.doi()).isNull();
  }

  @Test
  void parsed_author_names_keep_tex_accents_and_suffixes() throws Exception {
    Paper p = papers(readAll(reader, KAGGLE)).get(2);

    assertThat(p.authors()).containsExactly("C. Bal\\'azs", "Martin Luther King Jr.");
    assertThat(p.abstractText()).isEqualTo("Accents stay as written: Bal\\'azs.");
  }

  @Test
  void without_parsed_authors_or_versions_the_plain_fields_are_used() throws Exception {
    Paper p = papers(readAll(reader, KAGGLE)).get(3);

    assertThat(p.authors()).containsExactly("Zed Alpha (Nowhere Institute)", "Yan Beta");
    assertThat(p.version()).isZero();
    assertThat(p.submitted()).isNull();
    assertThat(p.updated()).isEqualTo(LocalDate.of(2021, 3, 1));
  }

  @Test
  void a_bad_line_in_the_middle_is_one_malformed_record_at_its_line() throws Exception {
    List<SourceRecord> records = readAll(reader, KAGGLE);

    assertThat(records).hasSize(5);
    assertThat(records.get(2)).isInstanceOfSatisfying(SourceRecord.Malformed.class, bad -> {
      assertThat(bad.where()).isEqualTo(KAGGLE + ":3");
      assertThat(bad.reason()).startsWith("invalid JSON");
    });
    assertThat(records.get(3).where()).isEqualTo(KAGGLE + ":4");
  }

  @Test
  void a_truncated_last_line_is_a_bad_input_after_the_records_before_it(@TempDir Path dir) throws Exception {
    String whole = Files.readString(KAGGLE, StandardCharsets.UTF_8);
    String lastLine = whole.substring(whole.lastIndexOf('\n', whole.length() - 2) + 1);
    Path cut = dir.resolve("cut.jsonl");
    Files.writeString(cut, whole.substring(0, whole.length() - lastLine.length() / 2));
    List<SourceRecord> records = new ArrayList<>();

    assertThatThrownBy(() -> readInto(reader, cut, records))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(cut + ":5: the input ends in the middle of a record (truncated file?)");
    assertThat(records).hasSize(4);
    assertThat(papers(records)).hasSize(3);
  }

  @Test
  void a_listing_record_maps_its_fields_and_first_listing_day() throws Exception {
    List<SourceRecord> records = readAll(reader, LISTING);
    Paper p = papers(records).getFirst();

    assertThat(p.id()).isEqualTo(new PaperId("2503.00011"));
    assertThat(p.version()).isZero();
    assertThat(p.title()).isEqualTo("A Made-Up Listing Entry Wrapped");
    assertThat(p.abstractText()).isEqualTo("First line of the summary and its wrapped second line.");
    assertThat(p.authors()).containsExactly("Ana Bell", "Émile Borel");
    assertThat(p.categories()).containsExactly("cs.IR", "cs.DL");
    assertThat(p.primaryCategory()).isEqualTo("cs.IR");
    assertThat(p.comment()).isEqualTo("8 pages");
    assertThat(p.firstListed()).isEqualTo(LocalDate.of(2025, 3, 18));
    assertThat(p.source()).isEqualTo("arxiv-listing");
  }

  @Test
  void a_listing_record_without_authors_or_comment_is_still_a_paper() throws Exception {
    Paper p = papers(readAll(reader, LISTING)).get(1);

    assertThat(p.authors()).isEmpty();
    assertThat(p.comment()).isNull();
    assertThat(p.firstListed()).isEqualTo(LocalDate.of(2025, 3, 19));
  }

  @Test
  void subject_classes_in_a_listing_category_list_are_not_taken_for_categories() throws Exception {
    Paper p = papers(readAll(reader, LISTING)).get(1);

    // the entries "68T50, 68T07" and "I.2.7; H.3.3" are MSC and ACM classes
    assertThat(p.categories()).containsExactly("cs.CL", "cs.IR");
  }

  @Test
  void reimporting_a_listing_changes_nothing(@TempDir Path dataDir) throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dataDir)) {
      importPaths(store, LISTING);
      ImportReport again = importPaths(store, LISTING);

      assertThat(again.unchanged()).isEqualTo(2);
      assertThat(again.added() + again.updated()).isZero();
    }
  }

  @Test
  void a_listing_record_with_a_bad_id_is_reported_at_its_line() throws Exception {
    assertThat(readAll(reader, LISTING).get(2)).isEqualTo(
        new SourceRecord.Malformed(LISTING + ":3", "missing or unrecognised arXiv id 'not an id'"));
  }

  @Test
  void reimporting_a_snapshot_changes_nothing(@TempDir Path dataDir) throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dataDir)) {
      ImportReport first = importPaths(store, KAGGLE);
      ImportReport again = importPaths(store, KAGGLE);

      assertThat(first.added()).isEqualTo(4);
      assertThat(first.skipped()).isEqualTo(1);
      assertThat(first.problems()).extracting(ImportReport.Problem::where).containsExactly(KAGGLE + ":3");
      assertThat(again.added() + again.updated()).isZero();
      assertThat(again.unchanged()).isEqualTo(4);
    }
  }
}
