package org.paperlens.index.solr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.MarkedText;
import org.paperlens.index.PaperFields;
import org.paperlens.index.lucene.PaperQueryParser;
import org.paperlens.index.lucene.Snippets;
import org.paperlens.paper.PaperId;

/** Snippets from SolrCloud's unified highlighter, as {@link MarkedText}; the abstract's start where nothing matched. */
final class SolrSnippets {

  private SolrSnippets() {}

  /** See {@link org.paperlens.index.PaperIndex#snippets}: Solr marks them with its own analysis chain. */
  static Map<PaperId, MarkedText> snippets(SolrIndex index, IndexSettings settings, String query,
      java.util.Collection<IndexedPaper> papers) {
    Map<PaperId, MarkedText> out = new LinkedHashMap<>();
    if (papers.isEmpty()) {
      return out;
    }
    // Solr marks with its own analysis chain (the config set's), so it is asked; the abstracts the
    // papers carry are only the fallback, and are not fetched again.
    List<PaperId> ids = papers.stream().map(IndexedPaper::id).toList();
    Map<String, String> abstracts = new java.util.HashMap<>();
    papers.forEach(p -> abstracts.put(p.id().value(), p.abstractText()));
    SolrQuery q = SolrQueries.ids(ids).setFields(PaperFields.ID).setRows(ids.size());
    try {
      q.set("hl.q", PaperQueryParser.checked(query));
      SolrQueries.edismax(q, org.paperlens.index.Match.ANY, settings);
      q.set("hl", true).set("hl.method", "unified").set("hl.qparser", "edismax").set("hl.fl", PaperFields.ABSTRACT)
          .set("hl.snippets", 2).set("hl.tag.pre", String.valueOf(Snippets.MARK_OPEN))
          .set("hl.tag.post", String.valueOf(Snippets.MARK_CLOSE)).set("hl.tag.ellipsis", Snippets.ELLIPSIS).set("hl.defaultSummary", false).set("hl.maxAnalyzedChars", 20_000)
          .set("hl.requireFieldMatch", false);
    } catch (BadQueryException e) {
      // No usable terms: every paper gets the start of its abstract.
    }
    QueryResponse response = index.query(q);
    Map<String, Map<String, List<String>>> marked = response.getHighlighting();
    Map<String, MarkedText> byId = new LinkedHashMap<>();
    for (SolrDocument doc : response.getResults()) {
      String id = (String) doc.getFieldValue(PaperFields.ID);
      List<String> passages = marked == null || marked.get(id) == null ? null : marked.get(id).get(PaperFields.ABSTRACT);
      byId.put(id, passages == null || passages.isEmpty()
          ? Snippets.leading(abstracts.get(id), Snippets.FALLBACK_CHARS)
          : Snippets.marked(String.join(Snippets.ELLIPSIS, passages)));
    }
    for (PaperId id : ids) {
      MarkedText s = byId.get(id.value());
      if (s != null) {
        out.put(id, s);
      }
    }
    return out;
  }
}
