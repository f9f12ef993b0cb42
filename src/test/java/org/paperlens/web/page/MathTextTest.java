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
        .isEqualTo("<span class=\"math\" data-tex=\"\\tilde{O}\\left(\\frac{d^2}{n}\\right)\">Õ((d<sup>2</sup>)/n)</span> with vLLM.");
    assertThat(MathText.plain("$\\textbf{R3-RAG}$: $\\sqrt{x}$")).isEqualTo("R3-RAG: √x");
  }
}
