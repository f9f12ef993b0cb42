package org.paperlens.index.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.Match;
import org.paperlens.index.PaperFields;
import org.paperlens.index.VectorCodes;
import org.paperlens.index.lucene.TextAnalysis;
import org.paperlens.index.lucene.PaperQueryParser;
import org.paperlens.paper.PaperId;

/**
 * The paperlens query language and filters as Solr request parameters, ranked as the embedded
 * index ranks them.
 *
 * <p>Keyword queries go to edismax configured to score like the embedded multi-field parser: the
 * same field weights ({@code qf}), a term's field scores summed ({@code tie=1}, as a Boolean OR of
 * the fields sums them), the match rule as the default operator ({@code q.op=AND} for
 * {@link Match#ALL}: edismax then requires every word of a query without operators, and, as the
 * embedded parser, makes both sides of an explicit OR optional; {@code q.op=OR} for
 * {@link Match#ANY}), no {@code mm} of our own (edismax would apply an explicit one across an
 * explicit OR too), split on white space, and the query language's field
 * aliases ({@code ti: abs: au: cat:}) as edismax field aliases. Any other {@code name:} prefix is
 * read as text, as the embedded parser reads it. Queries are checked by the embedded parser
 * first, so a malformed query is the same {@link BadQueryException} on both backends.
 */
final class SolrQueries {

  private SolrQueries() {}

  static SolrQuery keyword(String query, Match match, IndexSettings settings) {
    SolrQuery q = new SolrQuery(PaperQueryParser.checked(query, match));
    q.set("defType", "edismax");
    edismax(q, match, settings);
    return q;
  }

  /** The edismax parameters of the query language, also used by the highlighter's {@code hl.q}. */
  static void edismax(SolrQuery q, Match match, IndexSettings settings) {
    q.set("qf", settings.fieldBoosts().entrySet().stream()
        .map(e -> e.getKey() + "^" + e.getValue()).collect(Collectors.joining(" ")));
    q.set("tie", "1.0");
    q.set("q.op", match == Match.ALL ? "AND" : "OR");
    q.set("sow", "true");
    q.set("lowercaseOperators", "false");
    List<String> fields = new ArrayList<>(List.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.AUTHORS,
        PaperFields.CATEGORY));
    for (Map.Entry<String, String> alias : PaperFields.ALIASES.entrySet()) {
      if (!alias.getKey().equals(alias.getValue())) {
        q.set("f." + alias.getKey() + ".qf", alias.getValue());
        fields.add(alias.getKey());
      }
    }
    q.set("uf", String.join(" ", fields));
  }

  /**
   * The vector query: the k nearest among the papers passing the filters ({@code fq} pre-filters
   * the HNSW walk), the query vector as the embedded index codes it ({@link VectorCodes#encodeQuery}),
   * or as floats for a collection of an older config set.
   */
  static SolrQuery nearest(float[] vector, int k, boolean byteVectors) {
    StringBuilder v = new StringBuilder("{!knn f=").append(PaperFields.VECTOR).append(" topK=").append(k).append("}[");
    byte[] code = byteVectors ? VectorCodes.encodeQuery(vector) : null;
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        v.append(',');
      }
      if (byteVectors) {
        v.append(code[i]);
      } else {
        v.append(vector[i]);
      }
    }
    return new SolrQuery(v.append(']').toString());
  }

  /** A query for exactly these papers. */
  static SolrQuery ids(List<PaperId> ids) {
    return new SolrQuery(terms(PaperFields.ID, ids.stream().map(PaperId::value).toList()));
  }

  static String term(String field, String value) {
    return "{!term f=" + field + "}" + value;
  }

  /** Exact values, any of them; Solr's terms parser splits on commas, so values must not contain one. */
  static String terms(String field, List<String> values) {
    return "{!terms f=" + field + "}" + String.join(",", values);
  }

  /** The filters as {@code fq} clauses: each cached by Solr on its own. */
  static void filter(SolrQuery q, Filters f, TextAnalysis analyzer) {
    if (f.from() != null || f.to() != null) {
      String lo = f.from() == null ? "*" : Long.toString(f.from().toEpochDay());
      String hi = f.to() == null ? "*" : Long.toString(f.to().toEpochDay());
      q.addFilterQuery(PaperFields.DATE + ":[" + lo + " TO " + hi + "]");
    }
    if (!f.categories().isEmpty()) {
      q.addFilterQuery(f.categories().stream().map(c -> PaperFields.CATEGORY + ":" + ClientUtils.escapeQueryChars(c))
          .collect(Collectors.joining(" OR ")));
    }
    if (f.author() != null) {
      List<String> words = analyzer.tokens(PaperFields.AUTHORS, f.author());
      if (words.isEmpty()) {
        throw new BadQueryException("the author filter '" + f.author() + "' has no searchable words");
      }
      q.addFilterQuery(PaperFields.AUTHORS + ":\"" + String.join(" ", words.stream().map(ClientUtils::escapeQueryChars).toList()) + "\"");
    }
    if (f.withCode()) {
      q.addFilterQuery(PaperFields.CODE + ":yes");
    }
  }

  /** Excludes the watermark document, for queries that match every document. */
  static void papersOnly(SolrQuery q) {
    q.addFilterQuery("-" + PaperFields.ID + ":" + ClientUtils.escapeQueryChars(SolrDocuments.WATERMARK_ID));
  }
}
