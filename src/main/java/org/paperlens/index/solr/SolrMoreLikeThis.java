package org.paperlens.index.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.PaperFields;
import org.paperlens.index.lucene.FunctionWords;
import org.paperlens.index.lucene.MoreLikeThisQuery;
import org.paperlens.index.lucene.ReasonWords;
import org.paperlens.index.lucene.Snippets;
import org.paperlens.index.lucene.TextAnalysis;
import org.paperlens.paper.PaperId;

/**
 * More-like-this on SolrCloud, chosen as the embedded index chooses (Lucene's MoreLikeThis with
 * {@link MoreLikeThisQuery}'s settings): each word of the source paper's title and abstract scored
 * tf × idf with the collection's own document frequencies (one request, a counting facet query per
 * word, summed over every shard), the best 25 searched for, boosted by their scores. Solr's
 * {@code {!mlt}} parser is not used: on SolrCloud each shard picks terms by its own frequencies.
 * One per request; costs two requests before the search.
 */
final class SolrMoreLikeThis {

  private static final int MAX_TERMS = MoreLikeThisQuery.MAX_TERMS;
  private static final int MIN_DOC_FREQ = MoreLikeThisQuery.MIN_DOC_FREQ;
  private static final String[] FIELDS = {PaperFields.TITLE, PaperFields.ABSTRACT};

  /** One scored word of one field, with how many papers use it there. */
  private record Term(String field, String stem, double score, int docFreq) {}

  private final PaperId source;
  private final List<Term> terms;
  private final Map<String, String> forms;
  private final TextAnalysis analyzer;
  private final long papers;

  private SolrMoreLikeThis(PaperId source, List<Term> terms, Map<String, String> forms, TextAnalysis analyzer, long papers) {
    this.papers = papers;
    this.source = source;
    this.terms = terms;
    this.forms = forms;
    this.analyzer = analyzer;
  }

  /** The source paper's distinctive terms, or null when the paper is not in the index. */
  static SolrMoreLikeThis of(SolrIndex index, PaperId id, TextAnalysis analyzer) {
    IndexedPaper paper = index.getAll(List.of(id)).get(id);
    if (paper == null) {
      return null;
    }
    String[] texts = {paper.title(), paper.abstractText()};
    List<Map<String, Integer>> tf = new ArrayList<>();
    SolrQuery counts = new SolrQuery("*:*").setRows(0).setFacet(true).setFacetMinCount(0);
    SolrQueries.papersOnly(counts);
    for (int f = 0; f < FIELDS.length; f++) {
      Map<String, Integer> freq = new LinkedHashMap<>();
      if (texts[f] != null) {
        for (String stem : analyzer.tokens(FIELDS[f], texts[f])) {
          if (!FunctionWords.STEMS.contains(stem) && freq.merge(stem, 1, Integer::sum) == 1) {
            counts.addFacetQuery("{!term f=" + FIELDS[f] + " key=" + FIELDS[f] + "/" + freq.size() + "}" + stem);
          }
        }
      }
      tf.add(freq);
    }
    var response = index.query(counts);
    long numDocs = response.getResults().getNumFound();
    Map<String, Integer> df = response.getFacetQuery();
    List<Term> scored = new ArrayList<>();
    for (int f = 0; f < FIELDS.length; f++) {
      int i = 0;
      for (Map.Entry<String, Integer> word : tf.get(f).entrySet()) {
        Integer docFreq = df == null ? null : df.get(FIELDS[f] + "/" + ++i);
        if (docFreq != null && docFreq >= MIN_DOC_FREQ) {
          // Lucene's MoreLikeThis: tf × classic idf.
          double idf = Math.log((numDocs + 1) / (double) (docFreq + 1)) + 1;
          scored.add(new Term(FIELDS[f], word.getKey(), word.getValue() * idf, docFreq));
        }
      }
    }
    scored.sort(Comparator.comparingDouble((Term t) -> -t.score()).thenComparing(Term::field).thenComparing(Term::stem));
    try {
      return new SolrMoreLikeThis(id, List.copyOf(scored.subList(0, Math.min(MAX_TERMS, scored.size()))),
          analyzer.surfaceForms(texts[0], texts[1]), analyzer, numDocs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The search for papers with these terms, the source excluded; null when it has none. Each term is
   * written as the word the paper spells it with, which the field's analysis turns back into the stem.
   */
  SolrQuery query() {
    if (terms.isEmpty()) {
      return null;
    }
    double best = terms.getFirst().score();
    StringBuilder q = new StringBuilder();
    for (Term t : terms) {
      q.append(t.field()).append(':').append(ClientUtils.escapeQueryChars(forms.getOrDefault(t.stem(), t.stem())))
          .append('^').append((float) (t.score() / best)).append(' ');
    }
    SolrQuery query = new SolrQuery(q.toString().strip());
    query.set("q.op", "OR");
    query.addFilterQuery("-" + PaperFields.ID + ":" + ClientUtils.escapeQueryChars(source.value()));
    return query;
  }

  /** The source's distinctive words, best first, as its text spells them. */
  List<String> words() {
    return explaining(stems());
  }

  /** The source's distinctive words that {@code candidate}'s title or abstract also has. */
  List<String> sharedWith(IndexedPaper candidate) {
    Set<String> has = analyzer.stemsOf(candidate.title(), candidate.abstractText());
    return explaining(stems().stream().filter(has::contains).toList());
  }

  /** The stems that may stand in a reason, as words ({@link ReasonWords}), with the collection's frequencies. */
  private List<String> explaining(List<String> stems) {
    Map<String, Integer> docFreq = new java.util.HashMap<>();
    terms.forEach(t -> docFreq.merge(t.stem(), t.docFreq(), Math::max));
    return ReasonWords.of(stems, forms, stem -> docFreq.getOrDefault(stem, 0), (int) Math.min(Integer.MAX_VALUE, papers));
  }

  private List<String> stems() {
    return terms.stream().map(Term::stem).distinct().toList();
  }
}
