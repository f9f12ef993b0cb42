package org.paperlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/** The entry a paper page shows ({@link BibtexWriter#citation}): the export's, in arXiv's form, with its escapes. */
class BibtexCitationTest {

  // The TeX reader takes braces as grouping (tex.TexLexer): an unmatched one is no character of the title and is left out.
  @Test
  void a_citation_follows_arxivs_form_and_a_stray_brace_leaves_no_unbalanced_group() {
    Paper p = Paper.builder(new PaperId("2401.00102")).title("Sparse {Attention for Long Documents")
        .authors(List.of("John Smith", "Ana Núñez")).submitted(LocalDate.of(2024, 1, 2)).categories(List.of("cs.CL")).source("t").build();
    assertThat(BibtexWriter.citation(p)).isEqualTo("""
        @misc{smith2024sparse,
          title = {Sparse Attention for Long Documents},
          author = {John Smith and Ana Núñez},
          year = {2024},
          month = jan,
          eprint = {2401.00102},
          archivePrefix = {arXiv},
          primaryClass = {cs.CL},
          url = {https://arxiv.org/abs/2401.00102}
        }""");
    assertThat(CitationFormat.BIBTEX.write(List.of(p))).isEqualTo(BibtexWriter.citation(p) + "\n\n");
  }

  @Test
  void the_month_is_bibtexs_three_letter_macro_unbraced_so_styles_can_print_the_month_name() {
    Paper may = Paper.builder(new PaperId("2505.00001")).title("T").authors(List.of("A B"))
        .submitted(LocalDate.of(2025, 5, 14)).source("t").build();
    assertThat(BibtexWriter.citation(may)).contains("  month = may,\n").doesNotContain("{may}");
    assertThat(CitationFormat.BIBTEX.write(List.of(may))).contains("  month = may,\n");
  }

  @Test
  void a_citation_cuts_thousands_of_authors_to_a_hundred_and_others() {
    List<String> many = java.util.stream.IntStream.range(0, 3000).mapToObj(i -> "Author Number" + i).toList();
    Paper p = Paper.builder(new PaperId("2507.06261")).title("A Big Report").authors(many).source("t").build();
    assertThat(BibtexWriter.citation(p)).contains("Author Number99 and others}").doesNotContain("Author Number100 ");
    assertThat(CitationFormat.BIBTEX.write(List.of(p))).contains("Author Number2999}");
  }

  @Test
  void a_citation_leaves_out_the_abstract_the_export_carries() {
    Paper p = Paper.builder(new PaperId("2401.00103")).title("T").abstractText("An abstract.").authors(List.of("A B"))
        .source("t").build();
    assertThat(BibtexWriter.citation(p)).doesNotContain("abstract");
    assertThat(CitationFormat.BIBTEX.write(List.of(p))).contains("abstract = {An abstract.}");
  }
}
