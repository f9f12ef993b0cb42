package org.paperlens.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaperTextTest {

  @Test
  void a_wrapped_title_becomes_one_line() {
    assertThat(PaperText.inline("Toolbox for reconstructing quantum theory from rules on information\n  acquisition"))
        .isEqualTo("Toolbox for reconstructing quantum theory from rules on information acquisition");
  }

  @Test
  void control_characters_noncharacters_and_lone_surrogates_are_dropped_and_pairs_kept() {
    assertThat(PaperText.withoutControls("a\u0000b\u001Fc\u007Fd\uFFFEe\uD800f\uDC00g\tt\nn")).isEqualTo("abcdefg\tt\nn");
    assertThat(PaperText.withoutControls("emoji \uD83D\uDE00 stays")).isEqualTo("emoji \uD83D\uDE00 stays");
    assertThat(PaperText.inline("Nul\u0000 title")).isEqualTo("Nul title");
    assertThat(PaperText.paragraphs("Bell\u0007 and\nwrap")).isEqualTo("Bell and wrap");
  }

  @Test
  void blank_text_is_absent_not_empty() {
    assertThat(PaperText.inline("  \n\t ")).isNull();
    assertThat(PaperText.paragraphs("\n \n")).isNull();
    assertThat(PaperText.inline(null)).isNull();
  }

  @Test
  void wrapped_abstract_lines_are_joined_and_indented_lines_start_paragraphs() {
    String raw = "  We study $x^2$ and\nits friends.\n  A second paragraph\nwraps too.\n\nAnd a third.";
    assertThat(PaperText.paragraphs(raw))
        .isEqualTo("We study $x^2$ and its friends.\n\nA second paragraph wraps too.\n\nAnd a third.");
  }

  @Test
  void tex_markup_and_accents_are_kept_exactly() {
    String raw = "Schw\\\"ammle's $\\alpha$-stable \\emph{laws} \\\\ with 50\\% tails";
    assertThat(PaperText.inline(raw)).isEqualTo(raw);
  }

  @Test
  void composed_and_decomposed_accents_compare_equal() {
    assertThat(PaperText.inline("Cafe\u0301")).isEqualTo(PaperText.inline("Caf\u00e9"));
  }
}
