package org.paperlens.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexTextTest {

  @Test
  void math_becomes_unicode_with_accents_fractions_roots_and_scripts() {
    assertThat(TexText.plain("a bound of $\\tilde{O}\\left(\\frac{d^2}{\\epsilon}\\right)$ samples"))
        .isEqualTo("a bound of Õ(d²/ε) samples");
    assertThat(TexText.plain("$\\sqrt{n \\log n}$ and $x_{ij} \\times y^{n+1}$")).isEqualTo("√(n log n) and xᵢⱼ × yⁿ⁺¹");
    assertThat(TexText.plain("$\\mathcal{O}(k^{\\alpha})$")).isEqualTo("O(k^α)");
  }

  @Test
  void text_commands_keep_their_text_and_citations_go() {
    assertThat(TexText.plain("We propose $\\textbf{R3-RAG}$, built on \\texttt{vLLM} \\citep{kwon2023}, with 50\\% less memory."))
        .isEqualTo("We propose R3-RAG, built on vLLM, with 50% less memory.");
    assertThat(TexText.plain("see \\href{https://x.org}{our site} and \\emph{\\textbf{this}}")).isEqualTo("see our site and this");
  }

  @Test
  void text_without_tex_is_returned_as_it_is() {
    String s = "Plain words cost $5 only when closed";
    assertThat(TexText.plain("Plain words")).isSameAs("Plain words");
    assertThat(TexText.plain(s)).isEqualTo(s);
    assertThat(TexText.plain(null)).isNull();
  }
}
