package org.paperlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.ingest.TestInputs.fixture;
import static org.paperlens.ingest.TestInputs.importPaths;
import static org.paperlens.ingest.TestInputs.papers;
import static org.paperlens.ingest.TestInputs.readAll;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.paper.PaperVersion;
import org.paperlens.testing.TestDatabase;

class AbsReaderTest {

  private static final String LATEST = "abs/tree/ftp/cs/papers/2601/2601.00077.abs";

  private final AbsReader reader = new AbsReader();

  @Test
  void every_header_field_is_read_with_continuation_lines_joined() throws Exception {
    Paper p = only(fixture(LATEST));

    assertThat(p.id()).isEqualTo(new PaperId("2601.00077"));
    assertThat(p.title()).isEqualTo("A Made-Up Paper on Catalogues, with a Title that Runs on over Two Lines");
    assertThat(p.authors()).containsExactly(
        "Veit Schw\\\"ammle (Imaginary Univ.)", "Ada Lovelace", "Charles Babbage");
    assertThat(p.primaryCategory()).isEqualTo("cs.DL");
    assertThat(p.categories()).containsExactly("cs.DL", "cs.IR");
    assertThat(p.comment()).isEqualTo("14 pages; made for the paperlens tests");
    assertThat(p.journalRef()).isEqualTo("J. Invented Results 7 (2026) 77-88");
    assertThat(p.doi()).isEqualTo("10.0000/paperlens.77");
    assertThat(p.absUrl()).isEqualTo("https://arxiv.org/abs/2601.00077");
    assertThat(p.source()).isEqualTo("arxiv-abs");
  }

  @Test
  void the_version_counts_the_revisions_and_the_dates_span_them() throws Exception {
    Paper p = only(fixture(LATEST));

    assertThat(p.version()).isEqualTo(2);
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2026, 2, 2)); // "23:59 GMT": no seconds
  }

  @Test
  void a_tex_line_break_inside_the_abstract_is_kept() throws Exception {
    Paper p = only(fixture(LATEST));

    assertThat(p.abstractText()).isEqualTo("We describe a catalogue of papers. The abstract is wrapped at"
        + " seventy-eight columns, as arXiv's are,\n\nand a new paragraph starts with an indented line."
        + " A TeX line break \\\\\n\non a line of its own is part of the abstract, not its end.");
  }

  @Test
  void a_file_in_latin_1_keeps_its_accented_letters() throws Exception {
    Paper p = only(fixture("abs/latin-1.abs"));

    assertThat(p.journalRef()).isEqualTo("Épijournal de Géométrie Inventée 1 (2026)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      garbage.abs                    | not an .abs record (no \\\\ lines around a header)
      empty.abs                      | not an .abs record (no \\\\ lines around a header)
      truncated.abs                  | the abstract has no closing \\\\ line (truncated file?)
      truncated-after-tex-break.abs  | the abstract has no closing \\\\ line (truncated file?)
      no-title.abs                   | no Title
      bad-date.abs                   | bad date 'sometime in January'
      bad-id.abs                     | missing or unrecognised arXiv id 'not-an-id'
      2601.00077v1.abs               | the file name says v1 but the record lists 2 version(s)
      """)
  void a_file_that_is_not_a_usable_record_is_one_malformed_record_naming_the_file(String file, String reason)
      throws Exception {
    Path path = fixture("abs/malformed/" + file);

    assertThat(readAll(reader, path)).containsExactly(new SourceRecord.Malformed(path.toString(), reason));
  }

  @Test
  void a_garbage_abs_file_named_on_the_command_line_is_reported_not_fatal(@TempDir Path dataDir)
      throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dataDir)) {
      ImportReport report = importPaths(store, fixture("abs/malformed/garbage.abs"));

      assertThat(report.read()).isEqualTo(1);
      assertThat(report.skipped()).isEqualTo(1);
    }
  }

  @Test
  void importing_a_tree_keeps_the_latest_version_and_the_history_and_skips_the_bad_file(
      @TempDir Path dataDir) throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dataDir)) {
      ImportReport report = importPaths(store, fixture("abs/tree"));

      assertThat(report.read()).isEqualTo(3);
      assertThat(report.added()).isEqualTo(1);
      assertThat(report.skipped()).isEqualTo(1);
      assertThat(report.problems()).singleElement()
          .satisfies(p -> assertThat(p.where()).endsWith("2601.00099.abs"));
      assertThat(store.find(new PaperId("2601.00077"))).get()
          .satisfies(p -> assertThat(p.version()).isEqualTo(2))
          .satisfies(p -> assertThat(p.comment()).isEqualTo("14 pages; made for the paperlens tests"));
      List<PaperVersion> versions = store.versions(new PaperId("2601.00077"));
      assertThat(versions).extracting(PaperVersion::version).containsExactly(1, 2);
      assertThat(versions.getFirst().title()).isEqualTo("A Made-Up Paper on Catalogues");
      assertThat(versions.getFirst().dated()).isEqualTo(LocalDate.of(2026, 1, 1));
    }
  }

  private Paper only(Path file) throws Exception {
    List<SourceRecord> records = readAll(reader, file);
    assertThat(records).hasSize(1);
    assertThat(records.getFirst().where()).isEqualTo(file.toString());
    return papers(records).getFirst();
  }
}
