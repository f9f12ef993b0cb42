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

  @Test
  void a_math_span_over_300_characters_leaves_every_later_dollar_paired() {
    // 2602.18255: a 420-character span used to throw off every later $, and the rest ran together.
    String longSpan = "$( \\mathbb F_{16}+ v\\mathbb F_{16} + v^2\\mathbb F_{16} + v^3\\mathbb F_{16}) + u(\\mathbb F_{16} + v\\mathbb F_{16}"
        + " + v^2\\mathbb F_{16} + v^3\\mathbb F_{16}) + u^2(\\mathbb F_{16} + v\\mathbb F_{16} + v^2\\mathbb F_{16}+ v^3\\mathbb F_{16})"
        + " + \\cdots + u^{k-1}(\\mathbb F_{16} + v\\mathbb F_{16} + v^2\\mathbb F_{16} + v^3\\mathbb F_{16})$";
    assertThat(longSpan.length()).isGreaterThan(300);
    String plain = TexText.plain("the ring " + longSpan + " where $v^4=0$ for $i \\in \\{1,\\dots, k-1\\}$ over $\\mathcal{R}$.");
    assertThat(plain).startsWith("the ring ( F₁₆+ vF₁₆ + v²F₁₆ + v³F₁₆) + u(").endsWith(" where v⁴=0 for i ∈ {1,…, k-1} over ℛ.")
        .doesNotContain("$", "\\", "mathbb");
  }

  @Test
  void escaped_dollars_are_dollars_and_never_open_math() {
    // 2507.16116
    assertThat(TexText.plain("with $\\leq$ 1/200 of the training cost (\\$500 vs. $\\geq$ \\$100,000) and"))
        .isEqualTo("with ≤ 1/200 of the training cost ($500 vs. ≥ $100,000) and");
    assertThat(TexText.plain("PUSA V1.0: Surpassing Wan-I2V with $500 Training Cost")).isEqualTo("PUSA V1.0: Surpassing Wan-I2V with $500 Training Cost");
    assertThat(TexText.plain("prices of $5 and $10 per $n$ items")).isEqualTo("prices of $5 and $10 per n items");
  }

  @Test
  void accents_take_nested_arguments_and_compose() {
    assertThat(TexText.plain("a $\\tilde{\\mathcal{O}}(\\sqrt{T})$ regret")).isEqualTo("a Õ(√T) regret");
    assertThat(TexText.plain("$\\hat{\\theta}$ and $\\bar{x}$ and G\\\"odel and \\'{e}cole")).isEqualTo("θ̂ and x̄ and Gödel and école");
  }

  @Test
  void text_commands_in_math_and_in_titles_become_their_text() {
    assertThat(TexText.plain("while being $2{\\text -}13\\times$ faster")).isEqualTo("while being 2-13× faster"); // 2605.07933
    assertThat(TexText.plain("DiM\\textsuperscript{3}: Bridging")).isEqualTo("DiM³: Bridging"); // 2605.12960
    assertThat(TexText.plain("H\\textsubscript{2}O and \\textsuperscript{*}")).isEqualTo("H₂O and ^*");
    assertThat(TexText.plain("$\\mathrm{softmax}(x)$ with $\\operatorname{rank}(A)$")).isEqualTo("softmax(x) with rank(A)");
  }

  @Test
  void operators_keep_their_spaces() {
    assertThat(TexText.plain("sorting in $O(n\\log n)$ and $\\log_2 n$ bits, $\\max_{i} x_i$, $\\exp(-t)$"))
        .isEqualTo("sorting in O(n log n) and log₂ n bits, maxᵢ xᵢ, exp(-t)");
  }

  @Test
  void blackboard_and_calligraphic_letters_are_unicode_where_it_has_them() {
    assertThat(TexText.plain("$\\mathbb{R}^d$, $\\mathbb{E}[X]$, $\\mathcal{B}$, $\\mathcal{O}(1)$")).isEqualTo("ℝ^d, E[X], ℬ, O(1)");
  }

  @Test
  void unknown_commands_are_dropped_without_their_names() {
    assertThat(TexText.plain("We show that \\ours{} beats \\method, see \\ding{182}.")).isEqualTo("We show that beats , see ❶.");
    assertThat(TexText.plain("$\\mathds{1}[x] + \\foo y$")).isEqualTo("1[x] + y");
    assertThat(TexText.plain("models (\\eg, GPT), \\ie, ours")).isEqualTo("models (e.g., GPT), i.e., ours");
  }

  @Test
  void every_delimiter_pair_is_math_and_an_unclosed_one_is_text() {
    assertThat(TexText.plain("\\(x^2\\), \\[\\sum_i x_i\\], $$a \\not= b$$ and $x")).isEqualTo("x², ∑ᵢ xᵢ, a ≠ b and $x");
    assertThat(TexText.plain("\\frac{1}{2} in text, $\\frac{a+b}{\\sqrt{c}}$, $x^{2^{k}}$")).isEqualTo("1/2 in text, (a+b)/√c, x^(2^k)");
  }

  @Test
  void prose_between_two_dollars_reads_as_text() {
    // 2603.09989: two stray dollars around a sentence; 2506.01237: an acronym's words written in math.
    assertThat(TexText.plain("(alpha = 0.87$) and significant inter-dimension correlations (p < 0.001$). Next"))
        .isEqualTo("(alpha = 0.87) and significant inter-dimension correlations (p < 0.001). Next");
    assertThat(TexText.plain("the $\\underline{Ko}rean \\underline{G}rammar\n\\underline{E}valuation Bench\\underline{M}ark (KoGEM)$, for"))
        .isEqualTo("the Korean Grammar\nEvaluation BenchMark (KoGEM), for");
    assertThat(TexText.plain("($4.7 \\times $) and $ 2.6\\times$ longer")).isEqualTo("(4.7 ×) and 2.6× longer");
  }
}
