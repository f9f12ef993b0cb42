package org.paperlens.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void the_five_characters_that_matter_in_text_and_quoted_attributes_are_escaped() {
    assertThat(Html.escape("<a href=\"x\" title='y'>Q&A</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Q&amp;A&lt;/a&gt;");
  }

  @Test
  void an_entity_in_the_text_is_escaped_again_so_it_shows_as_written() {
    assertThat(Html.escape("&lt;b&gt; &amp; &#39;")).isEqualTo("&amp;lt;b&amp;gt; &amp;amp; &amp;#39;");
  }

  @Test
  void everything_else_passes_unchanged_slashes_and_non_ascii_too() {
    String text = "a/b = c` ünïcödé ∑ 😀 \t\n";
    assertThat(Html.escape(text)).isEqualTo(text);
  }

  @Test
  void null_is_the_empty_string() {
    assertThat(Html.escape(null)).isEmpty();
    assertThat(Html.escape("")).isEmpty();
  }
}
