package org.paperlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.ingest.TestInputs.importPaths;
import static org.paperlens.ingest.TestInputs.shared;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.paper.PaperVersion;
import org.paperlens.testing.TestDatabase;

/**
 * The whole real {@code .abs} tree from {@code ../shared/data/fixtures/arxiv-abs} (arXiv's own
 * test data: 1,192 files, latest versions under {@code ftp/}, earlier ones under {@code orig/}),
 * imported once, by the first test that runs, for all the tests here. (Not in {@code @BeforeAll}:
 * skipping there would hide the tests from the report instead of listing them as skipped.)
 */
class ArxivAbsArchiveTest {

  @TempDir
  static Path dataDir;

  private static Path tree;
  private static CatalogueStore store;
  private static ImportReport report;

  @BeforeEach
  void importTheTreeOnce() throws Exception {
    Path abs = shared("fixtures/arxiv-abs/abs_files");
    if (store == null) {
      tree = abs;
      store = TestDatabase.catalogue(dataDir);
      report = importPaths(store, tree);
    }
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void every_file_is_read_and_the_one_empty_file_is_skipped_by_name() {
    assertThat(report.read()).isEqualTo(1_192);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.where()).endsWith("ftp/math-ph/papers/0509/0509037.abs");
      assertThat(p.reason()).isEqualTo("not an .abs record (no \\\\ lines around a header)");
    });
    // 1,131 good files under ftp/ hold 1,130 papers: 0006007.abs is a copy of cs/0006008
    assertThat(report.added()).isEqualTo(1_130);
    // ftp/ sorts before orig/: the earlier versions come second and mostly change nothing, but
    // 0704.0615 has a v4 only under orig/, and 1810.04805's v1 has a comment its v2 lacks
    assertThat(report.updated()).isEqualTo(2);
    assertThat(report.unchanged()).isEqualTo(59);
  }

  @Test
  void an_old_style_paper_has_every_field_of_its_latest_version() {
    Paper p = store.find(new PaperId("hep-th/9901001")).orElseThrow();

    assertThat(p.title()).isEqualTo("String Junctions and Their Duals in Heterotic String Theory");
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.authors()).containsExactly("Yosuke Imamura");
    assertThat(p.categories()).containsExactly("hep-th");
    assertThat(p.primaryCategory()).isEqualTo("hep-th");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(1999, 1, 1));
    assertThat(p.updated()).isEqualTo(LocalDate.of(1999, 5, 10));
    assertThat(p.doi()).isEqualTo("10.1143/PTP.101.1155");
    assertThat(p.journalRef()).isEqualTo("Prog.Theor.Phys.101:1155-1164,1999");
    assertThat(p.comment()).isEqualTo("13 pages + 4 eps figures, PTPTeX, typographical errors corrected");
    assertThat(p.abstractText()).isEqualTo("We explicitly give the correspondence between spectra of"
        + " heterotic string theory compactified on $T^2$ and string junctions in type IIB theory"
        + " compactified on $S^2$.");
    assertThat(p.source()).isEqualTo("arxiv-abs");
  }

  @Test
  void a_new_style_paper_is_read_with_its_categories_in_order() {
    Paper p = store.find(new PaperId("0704.0465")).orElseThrow();

    assertThat(p.title()).isEqualTo("A General Nonlinear Fokker-Planck Equation and its Associated Entropy");
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.authors()).containsExactly("Veit Schwammle", "Evaldo M. F. Curado", "Fernando D. Nobre");
    assertThat(p.categories()).containsExactly("cond-mat.stat-mech", "cond-mat.other");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2007, 4, 3)).isEqualTo(p.updated());
    assertThat(p.doi()).isEqualTo("10.1140/epjb/e2007-00217-1");
    assertThat(p.comment()).isEqualTo("17 pages, submitted to Eur. Phys. J. B");
  }

  @Test
  void the_earlier_versions_under_orig_become_the_version_history() {
    Paper p = store.find(new PaperId("1607.08199")).orElseThrow();
    List<PaperVersion> versions = store.versions(p.id());

    assertThat(p.version()).isEqualTo(5);
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2016, 7, 27));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2017, 4, 5));
    assertThat(versions).extracting(PaperVersion::version).containsExactly(1, 2, 3, 4, 5);
    assertThat(versions).extracting(PaperVersion::dated).containsExactly(LocalDate.of(2016, 7, 27),
        LocalDate.of(2016, 8, 18), LocalDate.of(2017, 1, 9), LocalDate.of(2017, 3, 20), LocalDate.of(2017, 4, 5));
    assertThat(versions.get(0).comment()).isEqualTo("23 pages, 1 figure");
    assertThat(versions.get(3).comment()).isEqualTo("23 pages, 1 figure. Fourth version: Minor changes");
  }

  @Test
  void a_latin_1_file_keeps_its_accents_and_tex_accents_stay_as_written() {
    Paper p = store.find(new PaperId("1607.08199")).orElseThrow();

    assertThat(p.journalRef()).isEqualTo("Épijournal de Géométrie Algébrique, Volume 1 (September 1, 2017) epiga:3255");
    assertThat(p.authors()).containsExactly("Marcello Bernardara", "Emanuele Macr\\`i", "Benjamin Schmidt", "Xiaolei Zhao");
  }

  @Test
  void a_version_newer_than_the_ftp_file_becomes_the_current_one() {
    Paper p = store.find(new PaperId("0704.0615")).orElseThrow();

    assertThat(p.version()).isEqualTo(4);
    assertThat(p.updated()).isEqualTo(LocalDate.of(2013, 9, 29));
    assertThat(p.abstractText()).startsWith("The parsimony score of a character on a tree");
    assertThat(store.versions(p.id())).extracting(PaperVersion::version).containsExactly(1, 2, 3, 4);
  }

  @Test
  void an_older_version_only_fills_what_the_latest_lacks() {
    Paper p = store.find(new PaperId("hep-th/9709111")).orElseThrow();
    List<PaperVersion> versions = store.versions(p.id());

    assertThat(p.version()).isEqualTo(3);
    assertThat(p.comment()).startsWith("12 pages, 1 figure, plain LaTeX. An important proof added");
    assertThat(p.categories()).containsExactly("hep-th", "hep-ph");
    assertThat(versions).extracting(PaperVersion::comment).containsExactly(
        "8 pages, 1 figure, plain Latex",
        "8 pages, 1 figure, plain Latex. One reference added and a harmless sign change in eqs.(17)-(20)",
        p.comment());
  }

  @Test
  void a_tex_line_break_on_its_own_line_stays_in_the_abstract() {
    Paper p = store.find(new PaperId("2004.02153")).orElseThrow();

    assertThat(p.abstractText()).contains("\\lambda(x) u - \\mu(x) u^\\kappa, \\\\\n\nv_t = \\Delta v - v + u")
        .endsWith("collapse into a persistent Dirac distribution.");
  }

  @Test
  void reimporting_the_tree_changes_nothing() throws Exception {
    ImportReport again = importPaths(store, tree);

    assertThat(again.read()).isEqualTo(report.read());
    assertThat(again.added()).isZero();
    assertThat(again.updated()).isZero();
    // every record is unchanged, except the empty file, which is skipped again
    assertThat(again.unchanged()).isEqualTo(again.read() - again.skipped());
    assertThat(again.skipped()).isEqualTo(1);
  }
}
