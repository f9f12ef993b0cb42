package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.index.IndexedPaper;
import org.paperlens.paper.AuthorNames;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * An author's page (the index's name key) and an author digest topic (the digest's folded author
 * list) must agree on who is the same author, also for names typed with compatibility characters
 * (ligatures, full-width letters) that only compatibility decomposition folds.
 */
class AuthorNameAgreementTest {

  private static boolean digestMatches(String listed, String followed) {
    Paper paper = Paper.builder(new PaperId("2401.00001")).title("t").abstractText("a").authors(List.of(listed)).build();
    Candidates c = Candidates.of(null, null, "w", List.of(paper));
    return c.foldedAuthors().get(paper.id()).contains(AuthorNames.fold(followed));
  }

  private static boolean authorPageMatches(String listed, String followed) {
    return IndexedPaper.nameKey(listed).equals(IndexedPaper.nameKey(followed));
  }

  @Test
  void the_author_page_and_the_author_digest_agree_on_names_with_compatibility_characters() {
    List<List<String>> pairs = List.of(
        List.of("Aﬁf Rahman", "Afif Rahman"),
        List.of("Ｊｏｓé García", "Jose Garcia"),
        List.of("José  García", "jose garcia"),
        List.of("Bernhard Schölkopf", "Bernhard Scholkopf"));
    for (List<String> p : pairs) {
      assertThat(authorPageMatches(p.get(0), p.get(1))).as("author page: %s ~ %s", p.get(0), p.get(1)).isTrue();
      assertThat(digestMatches(p.get(0), p.get(1))).as("author digest: %s ~ %s", p.get(0), p.get(1)).isTrue();
    }
  }

  @Test
  void a_different_initial_is_another_author_for_both() {
    assertThat(authorPageMatches("J. Garcia", "Jose Garcia")).isFalse();
    assertThat(digestMatches("J. Garcia", "Jose Garcia")).isFalse();
  }
}
