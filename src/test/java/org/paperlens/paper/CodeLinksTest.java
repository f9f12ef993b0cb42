package org.paperlens.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeLinksTest {

  private static List<String> urls(String... texts) {
    return CodeLinks.of(texts).stream().map(CodeLinks.Link::url).toList();
  }

  @Test
  void a_github_link_in_an_abstract_is_the_repository_whatever_it_points_into() {
    assertThat(urls("Code is available at https://github.com/Org/Repo/tree/main/src.")).containsExactly("https://github.com/Org/Repo");
    assertThat(urls("Code: github.com/a/b.git, see also \\url{https://gitlab.com/c/d}")).containsExactly("https://github.com/a/b", "https://gitlab.com/c/d");
  }

  @Test
  void model_hubs_count_as_code_and_project_pages_come_last() {
    List<CodeLinks.Link> links = CodeLinks.of("Project page: https://lab.github.io/thing/ and models at https://huggingface.co/org/model).", null);
    assertThat(links).extracting(CodeLinks.Link::kind).containsExactly(CodeLinks.Kind.MODEL_HUB, CodeLinks.Kind.PROJECT_PAGE);
    assertThat(links.getFirst().url()).isEqualTo("https://huggingface.co/org/model");
    assertThat(links.get(1).url()).isEqualTo("https://lab.github.io/thing/");
  }

  @Test
  void a_project_page_needs_its_authors_to_say_so() {
    assertThat(urls("Project page: https://example.org/proj")).containsExactly("https://example.org/proj");
    assertThat(urls("Data from https://data.example.org/x and doi https://doi.org/10.1/2")).containsExactly("https://data.example.org/x");
    assertThat(urls("We cite https://example.org/paper in passing e.g. the github.com homepage")).isEmpty();
  }

  @Test
  void a_paper_with_a_repository_has_code_and_one_with_only_a_project_page_has_not() {
    Paper withCode = Paper.builder(new PaperId("2401.00001")).abstractText("x").comment("Code: https://github.com/a/b").build();
    Paper page = Paper.builder(new PaperId("2401.00002")).abstractText("Website: https://a.github.io/b").build();
    assertThat(CodeLinks.hasCode(withCode)).isTrue();
    assertThat(CodeLinks.hasCode(page)).isFalse();
  }

  @Test
  void the_same_repository_twice_is_one_link_and_a_list_of_many_is_cut() {
    assertThat(urls("https://github.com/a/b and https://github.com/A/B/issues")).containsExactly("https://github.com/a/b");
    assertThat(urls("github.com/a/1 github.com/a/2 github.com/a/3 github.com/a/4 github.com/a/5 github.com/a/6")).hasSize(CodeLinks.MAX_LINKS);
  }
}
