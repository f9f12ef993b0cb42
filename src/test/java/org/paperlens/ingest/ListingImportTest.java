package org.paperlens.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.BadInputException;
import org.paperlens.common.Progress;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.CatalogueDump;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.SharedData;
import org.paperlens.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class ListingImportTest {

  @TempDir Path tmp;

  private ImportReport importInto(CatalogueStore store, Path... files) throws IOException {
    return new Importer(store, new Importer.Options(Optional.empty(), "test", 2), Progress.NONE)
        .run(List.of(files), new ImportReport());
  }

  @Test
  void a_daily_listing_is_imported_with_bad_records_skipped_and_reported() throws IOException {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      ImportReport report = importInto(store, Fixtures.path("listings-small.jsonl"));

      assertThat(report.read()).isEqualTo(8);
      assertThat(report.added()).isEqualTo(4);
      assertThat(report.skipped()).isEqualTo(4);
      assertThat(report.problems()).extracting(ImportReport.Problem::where)
          .allSatisfy(w -> assertThat(w).contains("listings-small.jsonl:"))
          .extracting(w -> w.replaceAll(".*listings-small.jsonl:(\\d+).*", "$1"))
          .containsExactly("4", "5", "6", "7");
      assertThat(report.problems()).extracting(ImportReport.Problem::reason)
          .anySatisfy(r -> assertThat(r).contains("unrecognised arXiv id 'not-an-id'"))
          .anySatisfy(r -> assertThat(r).contains("no title"))
          .anySatisfy(r -> assertThat(r).contains("bad date '2025-13-45'"))
          .anySatisfy(r -> assertThat(r).contains("invalid JSON"));

      Paper p = store.find(new PaperId("2501.00001")).orElseThrow();
      assertThat(p.title()).isEqualTo("Analytical Engines for Sparse Attention");
      assertThat(p.abstractText())
          .isEqualTo("We revisit the analytical engine as a model of sparse attention.\n\nA second paragraph follows.");
      assertThat(p.authors()).containsExactly("Ada Lovelace", "Charles Babbage");
      assertThat(p.categories()).containsExactly("cs.LG", "cs.AI");
      assertThat(p.primaryCategory()).isEqualTo("cs.LG");
      assertThat(p.firstListed()).isEqualTo(LocalDate.parse("2025-01-02"));
      assertThat(p.comment()).isEqualTo("12 pages");
      assertThat(p.absUrl()).isEqualTo("https://arxiv.org/abs/2501.00001");
      assertThat(p.pdfUrl()).isEqualTo("https://arxiv.org/pdf/2501.00001");
      assertThat(p.source()).isEqualTo("arxiv-listing");
      assertThat(store.find(new PaperId("2501.00006")).orElseThrow().title())
          .isEqualTo("Substitution <script>alert('x')</script> & \"Quotes\"");
    }
  }

  @Test
  void papers_are_found_together_in_the_order_asked_and_unknown_ids_are_left_out() throws IOException {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      importInto(store, Fixtures.path("listings-small.jsonl"));
      List<PaperId> asked = List.of(new PaperId("2501.00003"), new PaperId("2999.99999"), new PaperId("2501.00001"));
      assertThat(store.findAll(asked)).extracting(Paper::id)
          .containsExactly(new PaperId("2501.00003"), new PaperId("2501.00001"));
      assertThat(store.findAll(asked).getFirst()).isEqualTo(store.find(new PaperId("2501.00003")).orElseThrow());
    }
  }

  @Test
  void reimporting_the_same_file_changes_nothing() throws IOException {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      importInto(store, Fixtures.path("listings-small.jsonl"));
      List<String> before = CatalogueDump.of(store);
      ImportReport again = importInto(store, Fixtures.path("listings-small.jsonl"));
      assertThat(again.unchanged()).isEqualTo(4);
      assertThat(again.added()).isZero();
      assertThat(again.updated()).isZero();
      assertThat(CatalogueDump.of(store)).isEqualTo(before);
    }
  }

  @Test
  void a_truncated_file_is_an_error_and_everything_before_it_is_kept() throws IOException {
    String full = Files.readString(Fixtures.path("listings-small.jsonl"));
    Path cut = tmp.resolve("cut.jsonl");
    Files.writeString(cut, full.substring(0, full.length() - 40));
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"))) {
      assertThatThrownBy(() -> importInto(store, cut))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("cut.jsonl:8")
          .hasMessageContaining("truncated");
      assertThat(store.find(new PaperId("2501.00003"))).isPresent();
      assertThat(store.find(new PaperId("2501.00006"))).isEmpty();
    }
  }

  @Test
  void a_truncated_gzip_file_is_an_error_not_a_crash() throws IOException {
    Path gz = tmp.resolve("listing.jsonl.gz");
    byte[] json = Files.readAllBytes(Fixtures.path("listings-small.jsonl"));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      for (int i = 0; i < 50; i++) {
        out.write(json);
      }
    }
    byte[] whole = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"))) {
      assertThatThrownBy(() -> importInto(store, gz))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("listing.jsonl.gz");
    }
  }

  @Test
  void a_garbage_file_is_rejected_with_where_and_why() throws IOException {
    Path junk = tmp.resolve("junk.jsonl");
    Files.write(junk, new byte[] {'{', 0, 1, 2, (byte) 0xff, '\n', 'x'});
    Path unknown = tmp.resolve("notes.txt");
    Files.writeString(unknown, "just some notes\n");
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"))) {
      assertThatThrownBy(() -> importInto(store, junk))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("junk.jsonl:1")
          .hasMessageContaining("not JSON Lines");
      assertThatThrownBy(() -> importInto(store, unknown))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("notes.txt")
          .hasMessageContaining("not in a format paperlens can import");
      assertThatThrownBy(() -> importInto(store, tmp.resolve("missing.jsonl")))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("no such file");
    }
  }

  @Test
  void the_real_arxiv_listings_import_completely_and_a_second_import_changes_nothing() throws IOException {
    Path listings = SharedData.listings();
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      ImportReport first = new Importer(store, new Importer.Options(Optional.empty(), "x", 1000), Progress.NONE)
          .run(List.of(listings), new ImportReport());
      assertThat(first.added()).isEqualTo(74_728);
      assertThat(first.skipped()).isZero();
      ImportReport second = new Importer(store, new Importer.Options(Optional.empty(), "x", 1000), Progress.NONE)
          .run(List.of(listings), new ImportReport());
      assertThat(second.unchanged()).isEqualTo(74_728);
      Paper first1 = store.find(new PaperId("2503.11742")).orElseThrow();
      assertThat(first1.title()).isEqualTo("Safe Vision-Language Models via Unsafe Weights Manipulation");
      assertThat(first1.authors()).hasSize(6).startsWith("Moreno D'Incà");
      assertThat(first1.firstListed()).isEqualTo(LocalDate.parse("2025-03-18"));
    }
  }
}
