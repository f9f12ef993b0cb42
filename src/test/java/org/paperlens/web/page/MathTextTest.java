package org.paperlens.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

class MathTextTest {

  @Test
  void inline_math_becomes_symbols_and_scripts_with_its_tex_for_katex_and_text_is_escaped() {
    assertThat(MathText.html("error $O(n^2)$ with $\\alpha \\leq \\beta_{i}$ <b>"))
        .isEqualTo("error <span class=\"math\" data-tex=\"O(n^2)\">O(n<sup>2</sup>)</span> with"
            + " <span class=\"math\" data-tex=\"\\alpha \\leq \\beta_{i}\">α ≤ β<sub>i</sub></span> &lt;b&gt;");
    assertThat(MathText.html("$<script>\"$")).isEqualTo("<span class=\"math\" data-tex=\"&lt;script&gt;&quot;\">&lt;script&gt;&quot;</span>");
    assertThat(MathText.plain("On $\\mathcal{O}(1)$ rounds")).isEqualTo("On O(1) rounds");
  }

  @Test
  void the_issues_examples_read_well_without_javascript() {
    assertThat(MathText.html("$\\tilde{O}\\left(\\frac{d^2}{n}\\right)$ with \\texttt{vLLM} \\citep{a}."))
        .isEqualTo("<span class=\"math\" data-tex=\"\\tilde{O}\\left(\\frac{d^2}{n}\\right)\">Õ((d<sup>2</sup>)/n)</span> with vLLM.");
    assertThat(MathText.plain("$\\textbf{R3-RAG}$: $\\sqrt{x}$")).isEqualTo("R3-RAG: √x");
  }

  @Test
  void bibtex_follows_arxivs_form() {
    Paper p = Paper.builder(new PaperId("2401.00102")).title("Sparse {Attention for Long Documents")
        .authors(List.of("John Smith", "Ana Núñez")).submitted(LocalDate.of(2024, 1, 2)).categories(List.of("cs.CL")).source("t").build();
    assertThat(Bibtex.of(p)).isEqualTo("""
        @misc{smith2024sparse,
          title = {Sparse {Attention for Long Documents}},
          author = {John Smith and Ana Núñez},
          year = {2024},
          eprint = {2401.00102},
          archivePrefix = {arXiv},
          primaryClass = {cs.CL},
          url = {https://arxiv.org/abs/2401.00102}
        }""");
  }

  @Test
  void bibtex_cuts_thousands_of_authors_to_a_hundred_and_others() {
    List<String> many = java.util.stream.IntStream.range(0, 3000).mapToObj(i -> "Author Number" + i).toList();
    Paper p = Paper.builder(new PaperId("2507.06261")).title("A Big Report").authors(many).source("t").build();
    String bib = Bibtex.of(p);
    assertThat(bib).contains("Author Number99 and others}").doesNotContain("Author Number100 ");
  }
}
