package org.paperlens.mcp;

import static org.paperlens.mcp.Schema.array;
import static org.paperlens.mcp.Schema.bool;
import static org.paperlens.mcp.Schema.integer;
import static org.paperlens.mcp.Schema.number;
import static org.paperlens.mcp.Schema.object;
import static org.paperlens.mcp.Schema.props;
import static org.paperlens.mcp.Schema.string;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.paperlens.index.IndexedPaper;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * Papers as the tools return them, each record beside the JSON schema of its serialised form
 * (absent values are left out, so no property is null). Titles and abstracts keep their TeX
 * ({@code $\mathcal{O}(n)$}) as the source wrote it: language models read TeX, and a plain-text
 * rendering would lose what the symbols mean.
 */
final class Shapes {

  private Shapes() {}

  /** Characters of the abstract a list entry carries: enough to judge a paper, small enough for 50 in a context. */
  static final int SUMMARY = 300;

  /** A paper in a list (daily, library): its start of the abstract, votes and citations. */
  record Listed(String id, String title, List<String> authors, String primaryCategory, String date, String url, String summary,
      Integer upvotes, Integer citationCount, String codeUrl) {}

  /** A search hit; {@code snippet} marks the matched words **like this**; {@code score} is absent for a pinned hit. */
  record Hit(int rank, String id, String title, List<String> authors, String primaryCategory, String date, String url, String snippet,
      Float score, boolean pinned, Integer citationCount, String codeUrl) {}

  /** A related paper and why it is related. */
  record Related(int rank, String id, String title, List<String> authors, String date, String url, double score, String reason,
      List<String> sharedTerms, Double similarity, Integer coCitations, Integer sharedReferences) {}

  /** A recommended paper, with the words and liked papers behind it. */
  record Recommended(int rank, String id, String title, List<String> authors, String date, String url, double score, String reason,
      List<String> terms, List<String> becauseOf) {}

  /** A trending (or new and notable) paper, the community signals in its score, and for new and notable the reasons. */
  record Trending(int rank, String id, String title, List<String> authors, String date, String url, double score, int upvotes,
      int saves, int submissions, List<String> reasons) {}

  /** A code or project link the authors gave. */
  record CodeLink(String url, String kind, String label) {}

  static final Map<String, Object> AUTHORS = array("Author names, in the paper's order.", string(null));
  static final Map<String, Object> ID = string("The paper's id (an arXiv id such as 2401.00101, or a source's own).");
  static final Map<String, Object> URL = string("The paper's page at its source (arXiv's abstract page for an arXiv id).");
  static final Map<String, Object> DATE = string("The day it was first listed (YYYY-MM-DD).");
  static final Map<String, Object> CITATIONS = integer("How many papers cite it, when a citation source has counted; absent when unknown.");

  static final Map<String, Object> LISTED = object(props(
      "id", ID, "title", string(null), "authors", AUTHORS, "primaryCategory", string(null), "date", DATE, "url", URL,
      "summary", string("The start of the abstract, cut at a word."), "upvotes", integer("Members' upvotes."),
      "citationCount", CITATIONS, "codeUrl", string("The first code link the authors gave.")), "id", "title");

  static final Map<String, Object> HIT = object(props(
      "rank", integer(null), "id", ID, "title", string(null), "authors", AUTHORS, "primaryCategory", string(null), "date", DATE,
      "url", URL, "snippet", string("Text around the matched words, which are marked **like this**."),
      "score", number("The ranking score (absent for a paper pinned first as an exact id or title match)."),
      "pinned", bool("Put first because the query is its exact id or title."), "citationCount", CITATIONS,
      "codeUrl", string(null)), "rank", "id", "title", "pinned");

  static final Map<String, Object> RELATED = object(props(
      "rank", integer(null), "id", ID, "title", string(null), "authors", AUTHORS, "date", DATE, "url", URL, "score", number(null),
      "reason", string("Why it is related, in a few words."),
      "sharedTerms", array("Distinctive words of the first paper that this one uses too.", string(null)),
      "similarity", number("Cosine similarity of the two papers' embeddings."),
      "coCitations", integer("Papers citing both."), "sharedReferences", integer("References both cite.")),
      "rank", "id", "title", "reason");

  static final Map<String, Object> RECOMMENDED = object(props(
      "rank", integer(null), "id", ID, "title", string(null), "authors", AUTHORS, "date", DATE, "url", URL, "score", number(null),
      "reason", string("Why it is recommended, in a few words."), "terms", array("Words that weigh most for it.", string(null)),
      "becauseOf", array("The liked papers most like it.", string(null))), "rank", "id", "title", "reason");

  static final Map<String, Object> TRENDING = object(props(
      "rank", integer(null), "id", ID, "title", string(null), "authors", AUTHORS, "date", DATE, "url", URL, "score", number(null),
      "upvotes", integer(null), "saves", integer(null), "submissions", integer(null),
      "reasons", array("Why a new-and-notable paper is on the list (\"has code\", \"new today\").", string(null))),
      "rank", "id", "score");

  static Listed listed(Paper p, Integer upvotes, Integer citations) {
    return new Listed(p.id().value(), p.title(), p.authors(), p.primaryCategory(), date(p.firstListed()), p.sourcePage(),
        summary(p.abstractText()), upvotes, citations, org.paperlens.paper.CodeLinks.codeUrl(p).orElse(null));
  }

  /** The source page of a paper the index holds: arXiv's for an arXiv id (the index keeps no other link). */
  static String url(IndexedPaper p) {
    return url(p.id());
  }

  static String url(PaperId id) {
    return id.isArxiv() ? "https://arxiv.org/abs/" + id.value() : null;
  }

  static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  /** The start of {@code text}, at most {@link #SUMMARY} characters, cut at a word with an ellipsis. */
  static String summary(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip().replaceAll("\\s+", " ");
    if (s.length() <= SUMMARY) {
      return s;
    }
    int space = s.lastIndexOf(' ', SUMMARY);
    String head = s.substring(0, space > SUMMARY / 2 ? space : SUMMARY);
    // Never end inside a math span: an odd number of unescaped dollars means one is left open.
    if (head.replace("\\$", "").chars().filter(c -> c == '$').count() % 2 == 1) {
      head = head.substring(0, head.lastIndexOf('$')).strip();
    }
    return head + " …";
  }
}
