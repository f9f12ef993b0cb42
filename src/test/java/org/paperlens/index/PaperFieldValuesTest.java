package org.paperlens.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

class PaperFieldValuesTest {

  static Paper texPaper() {
    return Paper.builder(new PaperId("2401.00301")).title("Bounds of $\\sqrt{n \\log n}$ Samples")
        .abstractText("We need $\\mathcal{O}(k^{\\alpha})$ queries. Code: https://github.com/a/b")
        .authors(List.of("José  García", "Aﬁf Rahman")).categories(List.of("cs.LG", "stat.ML"))
        .submitted(LocalDate.of(2024, 1, 2)).firstListed(LocalDate.of(2024, 1, 4)).build();
  }

  @Test
  void titles_with_tex_are_indexed_readable_kept_as_written_and_found_by_either_key() {
    PaperFieldValues v = PaperFieldValues.of(texPaper(), null);
    assertThat(v.title()).isEqualTo("Bounds of √(n log n) Samples");
    assertThat(v.titleTex()).isEqualTo("Bounds of $\\sqrt{n \\log n}$ Samples");
    assertThat(v.titleKeys()).containsExactly(PaperFields.titleKey(v.title()), PaperFields.titleKey(v.titleTex()));
    assertThat(v.abstractText()).startsWith("We need O(k^α) queries.");
  }

  @Test
  void index_terms_and_the_words_of_related_paper_reasons_carry_no_tex_command_names() throws Exception {
    Paper p = Paper.builder(new PaperId("2401.00303")).title("Regret $\\tilde{\\mathcal{O}}(\\sqrt{T})$ with $2{\\text -}13\\times$ speed")
        .abstractText("Sorting in $n\\log n$ time, \\$500 vs. $\\geq$ \\$100, DiM\\textsuperscript{3} and \\ours{} models.").build();
    PaperFieldValues v = PaperFieldValues.of(p, null);
    org.paperlens.index.lucene.TextAnalysis analysis = org.paperlens.index.lucene.TextAnalysis.papers();
    List<String> terms = new java.util.ArrayList<>(analysis.tokens(PaperFields.TITLE, v.title()));
    terms.addAll(analysis.tokens(PaperFields.ABSTRACT, v.abstractText()));
    assertThat(terms).contains("õ", "log", "dim").noneMatch(t -> t.matches(".*(tilde|mathcal|text|sqrt|nlog|our).*"));
    // Related-paper reasons name a paper's words by these surface forms ("tildeo" before).
    assertThat(analysis.surfaceForms(v.title(), v.abstractText()).values()).contains("õ").noneMatch(w -> w.contains("tilde"));
  }

  @Test
  void a_plain_title_has_one_key_and_no_tex_form() {
    Paper p = Paper.builder(new PaperId("2401.00302")).title("Plain Title").abstractText("x").build();
    PaperFieldValues v = PaperFieldValues.of(p, new float[] {1f});
    assertThat(v.titleTex()).isNull();
    assertThat(v.titleKeys()).containsExactly("plain title");
    assertThat(v.vector()).containsExactly(1f);
    assertThat(v.hasCode()).isFalse();
    assertThat(v.codeUrl()).isNull();
  }

  @Test
  void authors_keep_their_written_names_and_get_the_one_fold_as_keys() {
    PaperFieldValues v = PaperFieldValues.of(texPaper(), null);
    assertThat(v.authors()).containsExactly("José  García", "Aﬁf Rahman");
    assertThat(v.authorKeys()).containsExactly("jose garcia", "afif rahman");
  }

  @Test
  void code_categories_and_the_date_a_reader_cares_about() {
    PaperFieldValues v = PaperFieldValues.of(texPaper(), null);
    assertThat(v.hasCode()).isTrue();
    assertThat(v.codeUrl()).isEqualTo("https://github.com/a/b");
    assertThat(v.categories()).containsExactly("cs.LG", "stat.ML");
    assertThat(v.primaryCategory()).isEqualTo("cs.LG");
    assertThat(v.date()).isEqualTo(LocalDate.of(2024, 1, 4));
    Paper unlisted = Paper.builder(new PaperId("2401.00303")).submitted(LocalDate.of(2024, 2, 1)).build();
    assertThat(PaperFieldValues.of(unlisted, null).date()).isEqualTo(LocalDate.of(2024, 2, 1));
    Paper updatedOnly = Paper.builder(new PaperId("2401.00304")).updated(LocalDate.of(2024, 3, 1)).build();
    assertThat(PaperFieldValues.of(updatedOnly, null).date()).isEqualTo(LocalDate.of(2024, 3, 1));
  }
}
