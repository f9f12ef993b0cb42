package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.store.CitationFacts;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.citation.store.LinkedPaper;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.testing.TestDatabase;

/** {@code paperlens import-openalex}: a snapshot partition written from OpenAlex's documented work schema. */
class ImportOpenAlexCommandTest {

  private static final PaperId ONE = new PaperId("2401.00101");
  private static final PaperId TWO = new PaperId("2401.00102");
  private static final PaperId BY_DOI = PaperId.of("test", "by-doi");

  @TempDir Path tmp;
  private Path data;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void catalogue() {
    data = tmp.resolve("data");
    try (CatalogueStore store = TestDatabase.catalogue(data)) {
      store.write(w -> {
        w.put(Paper.builder(ONE).title("Snapshot Paper One").submitted(LocalDate.of(2024, 1, 2)).source("test").build());
        w.put(Paper.builder(TWO).title("Snapshot Paper Two").submitted(LocalDate.of(2024, 1, 3)).source("test").build());
        w.put(Paper.builder(BY_DOI).title("A Catalogue Paper Known by DOI").doi("10.1234/Catalogue.DOI").source("test").build());
        return null;
      });
    }
  }

  private int run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Main.run(TestDatabase.withDatabase(all), Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void a_partition_fills_the_citation_tables_and_reports_its_bad_line_and_a_second_run_changes_nothing() throws IOException {
    Path part = gzip(tmp.resolve("works/updated_date=2026-11-20/part_000.gz"), "openalex/snapshot-import.jsonl");

    assertThat(run("import-openalex", tmp.resolve("works").toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("1 files, 4 works read: 3 stored for catalogue papers, 1 not in the catalogue; 1 bad lines")
        .contains("bad line " + part + ":4: not JSON");

    Snapshot first = snapshot();
    assertThat(first.refsOfOne()).extracting(LinkedPaper::paper).containsExactly(Optional.of(TWO), Optional.empty());
    assertThat(first.refsOfOne().get(1).work().ids().openAlex()).contains("W9000000900");
    assertThat(first.citersOfOne()).extracting(LinkedPaper::paper).containsExactly(Optional.of(BY_DOI));
    assertThat(first.one().venue()).contains("Journal of Snapshot Studies");
    assertThat(first.one().count()).hasValueSatisfying(c -> {
      assertThat(c.total()).isEqualTo(2);
      assertThat(c.asOf()).isEqualTo(LocalDate.of(2026, 11, 20));
    });
    assertThat(first.one().countsByYear()).hasSize(1);

    assertThat(run("import-openalex", part.toString())).isZero();
    assertThat(snapshot()).as("a second run").isEqualTo(first);
  }

  @Test
  void a_partition_without_catalogue_papers_exits_1_and_a_missing_path_exits_3() throws IOException {
    Path other = tmp.resolve("other.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(other))) {
      o.write("{\"id\": \"https://openalex.org/W1\", \"doi\": \"https://doi.org/10.5555/x\", \"title\": \"Not Ours At All\"}\n".getBytes());
    }
    assertThat(run("import-openalex", other.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("1 works read: 0 stored for catalogue papers, 1 not in the catalogue");

    assertThat(run("import-openalex", tmp.resolve("nowhere.gz").toString())).isEqualTo(3);
    assertThat(err.toString()).contains("no OpenAlex snapshot file or folder at");
  }

  @Test
  void progress_is_measured_in_compressed_bytes_up_to_the_files_whole_size() throws IOException {
    Path part = gzip(tmp.resolve("part_000.gz"), "openalex/snapshot-import.jsonl");
    List<Long> seen = new java.util.ArrayList<>();
    long[] total = {-1};
    org.paperlens.common.Progress progress = new org.paperlens.common.Progress() {
      @Override public void begin(String task, long t, String unit) {
        total[0] = t;
        assertThat(unit).isEqualTo("bytes");
      }
      @Override public void advanceTo(long done, String detail) {
        seen.add(done);
      }
      @Override public void end() {}
    };
    try (CatalogueStore store = TestDatabase.catalogue(data); Database db = Database.open(store.url())) {
      var report = new org.paperlens.citation.source.OpenAlexSnapshotImport(new CitationStore(db), store,
          org.paperlens.citation.RefreshCadence.DEFAULT, java.time.Clock.systemUTC()).run(List.of(part), progress);
      assertThat(report.stored()).isEqualTo(3);
    }
    assertThat(total[0]).isEqualTo(Files.size(part));
    assertThat(seen).isSorted().last().isEqualTo(Files.size(part));
  }

  private record Snapshot(CitationFacts one, List<LinkedPaper> refsOfOne, List<LinkedPaper> citersOfOne, int edges) {}

  private Snapshot snapshot() {
    try (CatalogueStore store = TestDatabase.catalogue(data); Database db = Database.open(store.url())) {
      CitationStore c = new CitationStore(db);
      return new Snapshot(c.facts(ONE), c.references(ONE, 10), c.citations(ONE, 10), c.edges().size());
    }
  }

  private static Path gzip(Path target, String resource) throws IOException {
    Files.createDirectories(target.getParent());
    try (InputStream in = ImportOpenAlexCommandTest.class.getResourceAsStream("/citation/" + resource);
        OutputStream o = new GZIPOutputStream(Files.newOutputStream(target))) {
      in.transferTo(o);
    }
    return target;
  }
}
