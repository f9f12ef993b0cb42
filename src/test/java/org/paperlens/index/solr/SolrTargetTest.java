package org.paperlens.index.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SolrTargetTest {

  @Test
  void one_url_names_a_node_and_the_collection() {
    SolrTarget t = SolrTarget.parse("http://solr1:8983/solr/papers/");
    assertThat(t.nodes()).containsExactly("http://solr1:8983/solr");
    assertThat(t.collection()).isEqualTo("papers");
  }

  @Test
  void several_nodes_of_one_collection_are_comma_separated() {
    SolrTarget t = SolrTarget.parse("http://a:8983/solr/papers, https://b:8983/solr/papers");
    assertThat(t.nodes()).isEqualTo(List.of("http://a:8983/solr", "https://b:8983/solr"));
    assertThat(t.collection()).isEqualTo("papers");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "localhost:8983", "http://a:8983/papers", "ftp://a/solr/papers",
      "http://a:8983/solr/papers,http://b:8983/solr/other", "http://a b/solr/papers"})
  void a_bad_value_is_refused_quoting_it(String value) {
    assertThatThrownBy(() -> SolrTarget.parse(value)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--solr");
  }
}
