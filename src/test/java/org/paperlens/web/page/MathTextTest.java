package org.paperlens.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
        .isEqualTo("<span class=\"math\" data-tex=\"\\tilde{O}\\left(\\frac{d^2}{n}\\right)\">Õ(d<sup>2</sup>/n)</span> with vLLM.");
    assertThat(MathText.plain("$\\textbf{R3-RAG}$: $\\sqrt{x}$")).isEqualTo("R3-RAG: √x");
  }

  @Test
  void operators_keep_their_spaces_without_javascript() {
    assertThat(MathText.html("in $O(n\\log n)$ time")).isEqualTo("in <span class=\"math\" data-tex=\"O(n\\log n)\">O(n log n)</span> time");
  }

  @Test
  void escaped_dollars_stay_dollars_beside_math() {
    assertThat(MathText.html("cost (\\$500 vs. $\\geq$ \\$100,000)"))
        .isEqualTo("cost ($500 vs. <span class=\"math\" data-tex=\"\\geq\">≥</span> $100,000)");
  }

  @Test
  void a_long_span_is_one_span_and_the_text_after_it_is_text() {
    String terms = " + v\\mathbb F_{16}".repeat(25);
    String html = MathText.html("the ring $\\mathbb F_{16}" + terms + "$ where $v^4=0$ and the rest");
    assertThat(html.split("<span class=\"math\"", -1)).hasSize(3);
    assertThat(html).endsWith("<span class=\"math\" data-tex=\"v^4=0\">v<sup>4</sup>=0</span> and the rest").doesNotContain("$");
  }

  @Test
  void the_tex_given_to_katex_has_only_commands_katex_knows_and_balanced_structure() {
    assertThat(MathText.html("$\\ours x^a^b \\left( y$")).isEqualTo("<span class=\"math\" data-tex=\"x^a{}^b ( y\">x<sup>a</sup><sup>b</sup> ( y</span>");
    assertThat(MathText.html("$\\textsc{Tr}(\\frac{a}{b$")).isEqualTo("<span class=\"math\" data-tex=\"\\text{Tr}(\\frac{a}{b}\">Tr(a/b</span>");
    assertThat(MathText.html("$2{\\text -}13\\times$")).isEqualTo("<span class=\"math\" data-tex=\"2{\\text{-}}13\\times\">2-13×</span>");
  }
}
