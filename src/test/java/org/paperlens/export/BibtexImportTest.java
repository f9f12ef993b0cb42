package org.paperlens.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.BadInputException;
import org.paperlens.common.Progress;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.live.CatalogueSource;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.TestDatabase;

class BibtexImportTest {

  @TempDir Path tmp;

  static final String FILE = """
      @string{jml = "Journal of Made-Up Learning"}
      @misc{byEprint, title = {Whatever it is called here}, eprint = {2607.00001v3}, archivePrefix = {arXiv}}
      @article{byDoi, title = {Another title}, journal = jml, doi = {10.1234/MADE.UP}}
      @inproceedings{byTitle, title = {{P}ublished {W}ork}, author = {Lovelace, Ada}, booktitle = undefinedmacro}
      @article{byJournal, title = {x}, journal = {arXiv preprint arXiv:2607.00001}}
      @misc{byUrl, title = {y}, url = {https://arxiv.org/abs/2607.00002v1}}
      @book{nothing, title = {A book the catalogue does not have}, year = 1999}
      """;

  @Test
  void entries_match_by_arxiv_id_then_doi_then_title_and_the_rest_is_reported() throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      store.write(w -> {
        w.put(CitationFormatTest.PREPRINT);
        w.put(CitationFormatTest.ARTICLE);
        return null;
      });
      IndexBuilder.rebuild(CatalogueSource.of(store, id -> null), tmp.resolve("index"), IndexSettings.DEFAULT, Progress.NONE);
      try (LuceneIndex index = LuceneIndex.open(tmp.resolve("index"), IndexSettings.DEFAULT)) {
        BibtexImport.Report r = new BibtexImport(store, index).match(new StringReader(FILE), "refs.bib");
        assertThat(r.entries()).extracting(BibtexImport.Entry::key)
            .containsExactly("byEprint", "byDoi", "byTitle", "byJournal", "byUrl", "nothing");
        assertThat(r.entries()).extracting(e -> e.paper() == null ? null : e.paper().value())
            .containsExactly("2607.00001", "2607.00002", "2607.00002", "2607.00001", "2607.00002", null);
        assertThat(r.entries()).extracting(BibtexImport.Entry::by).containsExactly(BibtexImport.By.ARXIV_ID,
            BibtexImport.By.DOI, BibtexImport.By.TITLE, BibtexImport.By.ARXIV_ID, BibtexImport.By.ARXIV_ID, null);
        assertThat(r.unmatched()).extracting(BibtexImport.Entry::title).containsExactly("A book the catalogue does not have");
        assertThat(r.matched()).hasSize(5);
      }
    }
  }

  @Test
  void a_file_that_is_not_bibtex_is_bad_input_naming_the_file() {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      assertThatThrownBy(() -> new BibtexImport(store, null).match(new StringReader("@article{oops, title = {unclosed"), "refs.bib"))
          .isInstanceOf(BadInputException.class).hasMessageStartingWith("refs.bib: no entry could be read: line 1 (oops)");
    }
  }
}
