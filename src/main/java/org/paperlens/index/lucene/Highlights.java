package org.paperlens.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.QueryTermExtractor;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.MarkedText;
import org.paperlens.index.PaperFields;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.PaperId;

/**
 * Snippets of the embedded index: the unified highlighter marks the query's terms in each paper's
 * abstract (re-analysing the text, so no stored field is read again); papers without a match get
 * the start of their abstract. Stateless.
 */
final class Highlights {

  private Highlights() {}

  /** See {@link PaperIndex#snippets}: marked from the abstracts the papers carry, with no second read. */
  static Map<PaperId, MarkedText> snippets(String query, java.util.Collection<IndexedPaper> papers, Analyzer analyzer,
      Map<String, Float> boosts) {
    Map<PaperId, MarkedText> out = new LinkedHashMap<>();
    Query terms = highlightable(query, analyzer, boosts);
    // The abstracts come with the papers: marking them needs no second read of the stored fields.
    UnifiedHighlighter highlighter = terms == null ? null : UnifiedHighlighter.builderWithoutSearcher(analyzer)
        .withFormatter(new DefaultPassageFormatter(String.valueOf(Snippets.MARK_OPEN), String.valueOf(Snippets.MARK_CLOSE), Snippets.ELLIPSIS, false))
        .withMaxLength(20_000)
        .withWeightMatches(false)
        .build();
    for (IndexedPaper paper : papers) {
      String text = paper.abstractText() == null ? "" : paper.abstractText();
      Object marked = null;
      if (highlighter != null && !text.isEmpty()) {
        try {
          marked = highlighter.highlightWithoutSearcher(PaperFields.ABSTRACT, terms, text, 2);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      out.put(paper.id(), marked instanceof String s && !s.isEmpty() ? Snippets.marked(s) : Snippets.leading(text, Snippets.FALLBACK_CHARS));
    }
    return out;
  }

  /** The query's terms for marking, or null when it has none a highlighter could use. */
  private static Query highlightable(String query, Analyzer analyzer, Map<String, Float> boosts) {
    try {
      Query terms = PaperQueryParser.parse(query, org.paperlens.index.Match.ANY, analyzer, boosts);
      return QueryTermExtractor.getTerms(terms).length == 0 ? null : terms;
    } catch (BadQueryException e) {
      return null;
    }
  }
}
