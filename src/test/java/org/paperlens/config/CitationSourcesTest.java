package org.paperlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitationSourcesTest {

  @Test
  void nothing_is_fetched_unless_a_source_is_turned_on() {
    Config c = Config.resolve(Map.of(), Path.of("data"));
    assertThat(c.citationSources().any()).isFalse();
    assertThat(c.describe()).contains("citation sources: OpenAlex off; Semantic Scholar off");
  }

  @Test
  void one_variable_turns_each_source_on_with_its_documented_defaults() {
    CitationSources s = Config.resolve(Map.of("PAPERLENS_OPENALEX", "on", "PAPERLENS_S2", "true"), Path.of("data")).citationSources();
    assertThat(s.openAlex()).isEqualTo(new CitationSources.Access(true, URI.create("https://api.openalex.org"), Optional.empty(),
        Optional.empty()));
    assertThat(s.semanticScholar().baseUrl()).isEqualTo(URI.create("https://api.semanticscholar.org/graph/v1"));
    assertThat(s.semanticScholar().enabled()).isTrue();
  }

  @Test
  void flags_beat_the_environment() {
    CitationSources s = CitationSources.resolve(
        Map.of("PAPERLENS_OPENALEX", "off", "PAPERLENS_OPENALEX_MAILTO", "env@example.org", "PAPERLENS_S2", "on"),
        new CitationSources.Flags(true, "http://127.0.0.1:9/oa", "flag@example.org", false, null));
    assertThat(s.openAlex().enabled()).isTrue();
    assertThat(s.openAlex().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/oa"));
    assertThat(s.openAlex().mailto()).contains("flag@example.org");
    assertThat(s.semanticScholar().enabled()).isFalse();
  }

  @Test
  void keys_are_used_but_never_shown() {
    CitationSources s = CitationSources.resolve(Map.of("PAPERLENS_OPENALEX", "on", "PAPERLENS_OPENALEX_API_KEY", "s3cr3t-oa",
        "PAPERLENS_S2", "on", "PAPERLENS_S2_API_KEY", "s3cr3t-s2", "PAPERLENS_OPENALEX_MAILTO", "ops@example.org"),
        CitationSources.Flags.NONE);
    assertThat(s.openAlex().apiKey()).contains("s3cr3t-oa");
    assertThat(s.semanticScholar().apiKey()).contains("s3cr3t-s2");
    assertThat(s.describe()).isEqualTo("citation sources: OpenAlex at https://api.openalex.org, contact ops@example.org, with an API key;"
        + " Semantic Scholar at https://api.semanticscholar.org/graph/v1, with an API key").doesNotContain("s3cr3t");
  }

  @Test
  void bad_values_fail_fast_quoting_them() {
    assertThatThrownBy(() -> CitationSources.resolve(Map.of("PAPERLENS_OPENALEX", "maybe"), CitationSources.Flags.NONE))
        .hasMessage("$PAPERLENS_OPENALEX must be on or off, was 'maybe'");
    assertThatThrownBy(() -> CitationSources.resolve(Map.of("PAPERLENS_S2_URL", "ftp://example.org"), CitationSources.Flags.NONE))
        .hasMessage("$PAPERLENS_S2_URL must be an http(s) URL without a query, was 'ftp://example.org'");
    assertThatThrownBy(() -> CitationSources.resolve(Map.of(), new CitationSources.Flags(null, null, "not-an-address", null, null)))
        .hasMessage("--openalex-mailto must be a mail address (OpenAlex's polite pool), was 'not-an-address'");
    assertThatThrownBy(() -> CitationSources.resolve(Map.of("PAPERLENS_S2_API_KEY", "two words"), CitationSources.Flags.NONE))
        .hasMessageContaining("9 characters").hasMessageNotContaining("two words");
  }
}
