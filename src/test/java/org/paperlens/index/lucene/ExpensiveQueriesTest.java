package org.paperlens.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.Match;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * Fuzzy, wildcard and range words over a generated index with many distinct words: past the
 * budget they are a {@link BadQueryException} (a 400 on the web, a usage error on the CLI), never
 * Lucene's clause-limit error from inside the search (a 500) or seconds of term expansion.
 */
class ExpensiveQueriesTest {

  @TempDir
  static Path dir;

  static LuceneIndex index;

  /** 3,000 papers of random short and long words: about 60,000 distinct words in the abstracts. */
  @BeforeAll
  static void build() throws Exception {
    Random random = new Random(21);
    Path generation = IndexDirectory.nextGeneration(dir);
    try (FSDirectory d = FSDirectory.open(generation); IndexWriter writer = new IndexWriter(d, IndexBuilder.config(IndexSettings.DEFAULT))) {
      for (int i = 0; i < 3_000; i++) {
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 40; w++) {
          words.add(word(random, 2 + random.nextInt(7)));
        }
        Paper p = Paper.builder(new PaperId(String.format("2401.%05d", i))).title(String.join(" ", words.subList(0, 8)))
            .abstractText(String.join(" ", words)).authors(List.of(word(random, 5) + " " + word(random, 7)))
            .categories(List.of("cs.LG")).firstListed(LocalDate.of(2024, 1, 3)).source("test").build();
        writer.addDocument(PaperDocument.of(p, new float[] {1, 0, 0, 0}));
      }
      writer.commit();
    }
    IndexDirectory.publish(dir, generation);
    index = LuceneIndex.open(dir, IndexSettings.DEFAULT);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static String word(Random r, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  @Test
  void ten_fuzzy_words_are_a_bad_query_naming_the_limit() {
    assertThatThrownBy(() -> index.keyword("a~ b~ c~ d~ e~ f~ g~ h~ i~ j~", Match.ANY, Filters.NONE, 10))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("fuzzy");
  }

  @Test
  void fuzzy_words_within_the_word_limit_never_break_the_clause_limit() {
    for (String q : List.of("ab~ cd~ ef~ gh~ ij~ kl~ mn~ op~", "a~ b~ c~ d~ e~ f~ g~ h~")) {
      try {
        index.keyword(q, Match.ANY, Filters.NONE, 10);
      } catch (BadQueryException e) {
        assertThat(e).hasMessageContaining("too costly");
      }
      try {
        index.count(q, Match.ANY, Filters.NONE);
      } catch (BadQueryException e) {
        assertThat(e).hasMessageContaining("too costly");
      }
    }
  }

  @Test
  void a_range_over_most_of_the_index_is_refused_before_it_costs_seconds() {
    assertThatThrownBy(() -> index.keyword("[a TO z]", Match.ANY, Filters.NONE, 10))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("more than " + QueryCost.MAX_TERMS);
    assertThatThrownBy(() -> index.count("abs:[b TO y]", Match.ANY, Filters.NONE))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("too costly");
    assertThatThrownBy(() -> index.keyword("a* b* c* d* e* f* g* h*", Match.ANY, Filters.NONE, 10))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("too costly");
  }

  @Test
  void narrow_ranges_wildcards_and_fuzzy_words_still_search() {
    assertThat(index.keyword("ti:[aa TO ab]", Match.ANY, Filters.NONE, 10)).isNotEmpty();
    assertThat(index.keyword("abc*", Match.ANY, Filters.NONE, 10)).isNotEmpty();
    assertThat(index.count("abcd~1", Match.ANY, Filters.NONE)).isGreaterThanOrEqualTo(0);
  }

  @Test
  void the_word_limit_is_checked_before_a_query_goes_to_solrcloud() {
    assertThatThrownBy(() -> PaperQueryParser.checked("a~ b~ c~ d~ e~ f~ g~ h~ i~ j~"))
        .isInstanceOf(BadQueryException.class).hasMessageContaining("at most " + PaperQueryParser.MAX_EXPANDING_WORDS);
    assertThat(PaperQueryParser.checked("graph~ net*")).isEqualTo("graph~ net*");
  }

  @Test
  void a_phrase_with_slop_on_the_exact_category_field_is_a_term_not_a_server_error() {
    assertThat(index.keyword("cat:\"cs.LG\"~26", Match.ANY, Filters.NONE, 10)).isNotEmpty();
    assertThat(index.count("graph OR cat:\"qu ab\"~26", Match.ANY, Filters.NONE)).isGreaterThanOrEqualTo(0);
  }
}
