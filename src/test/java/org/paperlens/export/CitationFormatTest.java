package org.paperlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

class CitationFormatTest {

  static final Paper PREPRINT = Paper.builder(new PaperId("2607.00001")).version(2)
      .title("Sparse attention {for} 100% of long_documents & more")
      .abstractText("We study it.\nTwice.").authors(List.of("Ada Lovelace", "Ludwig van Beethoven", "Schölkopf"))
      .categories(List.of("cs.CL", "cs.LG")).submitted(LocalDate.of(2026, 6, 30)).firstListed(LocalDate.of(2026, 7, 1))
      .absUrl("https://arxiv.org/abs/2607.00001").source("test").build();
  static final Paper ARTICLE = Paper.builder(new PaperId("2607.00002")).version(1).title("Published work")
      .authors(List.of("Ada Lovelace")).categories(List.of("cs.LG")).submitted(LocalDate.of(2026, 6, 30))
      .journalRef("J. Made Up 1 (2026) 1-10").doi("10.1234/made.up").source("test").build();

  @Test
  void bibtex_parses_back_with_jbibtex_with_escaped_values_and_unique_keys() throws Exception {
    String bib = CitationFormat.BIBTEX.write(List.of(PREPRINT, ARTICLE, PREPRINT));
    BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib));
    assertThat(db.getEntries()).hasSize(3);
    BibTeXEntry first = db.getEntries().values().iterator().next();
    assertThat(first.getType().getValue()).isEqualTo("misc");
    assertThat(first.getKey().getValue()).isEqualTo("lovelace2026sparse");
    assertThat(first.getField(new Key("eprint")).toUserString()).isEqualTo("2607.00001");
    assertThat(first.getField(new Key("archivePrefix")).toUserString()).isEqualTo("arXiv");
    assertThat(first.getField(new Key("author")).toUserString()).isEqualTo("Ada Lovelace and Ludwig van Beethoven and Schölkopf");
    assertThat(first.getField(BibTeXEntry.KEY_TITLE).toUserString())
        .isEqualTo("Sparse attention for 100\\% of long\\_documents \\& more"); // {for} is a TeX group, as arXiv titles mean it
    assertThat(db.getEntries().keySet()).extracting(Key::getValue)
        .containsExactly("lovelace2026sparse", "lovelace2026published", "lovelace2026sparsea");
    assertThat(bib).contains("@article{lovelace2026published", "journal = {J. Made Up 1 (2026) 1-10}", "doi = {10.1234/made.up}");
  }

  @Test
  void bibtex_keeps_math_as_written_and_resolves_text_commands_around_it() throws Exception {
    Paper p = Paper.builder(new PaperId("2607.00003")).title("$\\gamma$-divergences with \\texttt{torch} at 50\\% cost")
        .abstractText("A bound of $\\tilde{O}\\left(\\frac{d^2}{\\epsilon}\\right)$ and a stray $ sign \\citep{x}.")
        .authors(List.of("Ada Lovelace")).submitted(LocalDate.of(2026, 6, 30)).source("test").build();
    String bib = CitationFormat.BIBTEX.write(List.of(p));
    assertThat(bib).contains("title = {$\\gamma$-divergences with torch at 50\\% cost}",
        "abstract = {A bound of $\\tilde{O}\\left(\\frac{d^2}{\\epsilon}\\right)$ and a stray \\$ sign.}")
        .doesNotContain("textbackslash");
    assertThat(new BibTeXParser().parse(new StringReader(bib)).getEntries()).hasSize(1);
  }

  @Test
  void ris_has_one_tag_per_line_authors_family_first_and_an_end_record() {
    String ris = CitationFormat.RIS.write(List.of(PREPRINT));
    assertThat(ris.split("\r\n")).startsWith("TY  - UNPB", "TI  - Sparse attention {for} 100% of long_documents & more",
        "AU  - Lovelace, Ada", "AU  - van Beethoven, Ludwig", "AU  - Schölkopf", "PY  - 2026", "DA  - 2026/06/30");
    assertThat(ris).contains("AB  - We study it. Twice.\r\n", "AN  - arXiv:2607.00001\r\n", "KW  - cs.LG\r\n").endsWith("ER  - \r\n\r\n");
  }

  @Test
  void csl_json_is_an_array_of_items_citeproc_reads() throws Exception {
    JsonNode items = new ObjectMapper().readTree(CitationFormat.CSL_JSON.write(List.of(PREPRINT, ARTICLE)));
    assertThat(items.size()).isEqualTo(2);
    JsonNode a = items.get(0);
    assertThat(a.get("id").asText()).isEqualTo("2607.00001");
    assertThat(a.get("type").asText()).isEqualTo("article");
    assertThat(a.get("author").get(1).get("family").asText()).isEqualTo("van Beethoven");
    assertThat(a.get("author").get(1).get("given").asText()).isEqualTo("Ludwig");
    assertThat(a.get("issued").get("date-parts").get(0).toString()).isEqualTo("[2026,6,30]");
    assertThat(items.get(1).get("type").asText()).isEqualTo("article-journal");
    assertThat(items.get(1).get("DOI").asText()).isEqualTo("10.1234/made.up");
  }

  @Test
  void format_names_parse_and_unknown_ones_are_refused() {
    assertThat(CitationFormat.parse("csl-json")).isEqualTo(CitationFormat.CSL_JSON);
    assertThat(CitationFormat.parse("BibTeX")).isEqualTo(CitationFormat.BIBTEX);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CitationFormat.parse("docx")).hasMessageContaining("'docx'");
  }
}
