package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/** Mail clients run no JavaScript, so no KaTeX: a digest shows titles and abstracts with math as Unicode. */
class DigestMailMathTest {

  @Test
  void a_digest_shows_math_as_unicode_in_its_text_and_html_parts() {
    Paper p = Paper.builder(new PaperId("2607.00009")).title("DiM\\textsuperscript{3}: $\\tilde{\\mathcal{O}}(n\\log n)$ merging")
        .abstractText("We pay \\$500 for $\\mathbb{R}^d$ \\citep{x}.").authors(List.of("Ada Lovelace"))
        .firstListed(LocalDate.of(2026, 7, 1)).source("t").build();
    Subscription s = new Subscription(1, "a@example.org", null, new Topic.Trending(), Cadence.parse("daily", "7", null, "UTC"),
        Instant.EPOCH, Instant.EPOCH, null, null, null, null);
    DigestMail.Rendered mail = new DigestMail(new Links("https://p.example")).digest(s, List.of(p), "https://u", "https://m");
    assertThat(mail.text()).contains("1. DiM³: Õ(n log n) merging");
    assertThat(mail.html()).contains("DiM³: Õ(n log n) merging", "We pay $500 for ℝ^d.").doesNotContain("\\", "textsuperscript");
  }
}
