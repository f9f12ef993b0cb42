package org.paperlens.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.SharedData;
import org.paperlens.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;


class OaiImportTest {

  @TempDir
  Path data;

  private static final List<Path> OWN_PAGES = List.of(
      OaiPmhReaderTest.fixture("oai-dc-page.xml"),
      OaiPmhReaderTest.fixture("deleted-record.xml"),
      OaiPmhReaderTest.fixture("resumption-token.xml"),
      OaiPmhReaderTest.fixture("no-id.xml"));

  private ImportReport importAll(CatalogueStore store, List<Path> paths) throws IOException {
    Importer importer = new Importer(store, new Importer.Options(Optional.empty(), "oai", 3), Progress.NONE);
    return importer.run(paths, new ImportReport());
  }

  @Test
  void oai_pmh_files_are_recognised_by_content_and_imported_with_bad_records_counted() throws IOException {
    try (CatalogueStore store = TestDatabase.catalogue(data)) {
      ImportReport report = importAll(store, OWN_PAGES);

      assertThat(report.read()).isEqualTo(10);
      assertThat(report.added()).isEqualTo(7);
      assertThat(report.skipped()).isEqualTo(3);
      assertThat(report.skipReasons()).containsOnlyKeys(
          "missing or unrecognised arXiv id 'null'", "no title", "deleted at the source, and not in the catalogue");
      assertThat(store.find(new PaperId("2602.00101")).map(Paper::title)).contains("Folding Paper Cranes with Gradient Descent");
    }
  }

  @Test
  void reimporting_the_same_oai_pages_changes_nothing() throws IOException {
    try (CatalogueStore store = TestDatabase.catalogue(data)) {
      importAll(store, OWN_PAGES);
      List<Paper> before = dump(store);

      ImportReport again = importAll(store, OWN_PAGES);

      assertThat(again.added()).isZero();
      assertThat(again.updated()).isZero();
      assertThat(again.unchanged()).isEqualTo(7);
      assertThat(dump(store)).isEqualTo(before);
    }
  }

  @Test
  void a_deletion_notice_marks_a_paper_the_catalogue_holds() throws IOException {
    try (CatalogueStore store = TestDatabase.catalogue(data)) {
      store.write(w -> {
        w.put(Paper.builder(new PaperId("2603.00202")).title("Soon Withdrawn").source("test").build());
        return null;
      });

      ImportReport report = importAll(store, List.of(OaiPmhReaderTest.fixture("deleted-record.xml")));

      assertThat(report.deleted()).isEqualTo(1);
      assertThat(store.deletedOn(new PaperId("2603.00202"))).contains(java.time.LocalDate.of(2026, 3, 9));
    }
  }

  @Test
  void the_real_recorded_responses_import_whole_and_a_second_import_changes_nothing() throws IOException {
    Path real = SharedData.require("fixtures/arxiv-oai-pmh");
    try (CatalogueStore store = TestDatabase.catalogue(data)) {
      ImportReport first = importAll(store, List.of(real));

      assertThat(first.read()).isEqualTo(30);
      assertThat(first.skipped()).as("the licence text is no input format, the rest all reads").isEqualTo(1);
      assertThat(first.added()).isEqualTo(19);
      List<Paper> before = dump(store);

      ImportReport second = importAll(store, List.of(real));

      // sample_arxiv_record.xml repeats the 11 single-record files with small differences and the
      // same revision dates, so within one pass the later copy wins each time; the end state holds.
      assertThat(second.added()).isZero();
      assertThat(dump(store)).isEqualTo(before);
    }
  }

  static List<Paper> dump(CatalogueStore store) {
    List<Paper> all = new ArrayList<>();
    store.forEach(all::add);
    return all;
  }
}
