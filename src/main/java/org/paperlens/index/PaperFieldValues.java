package org.paperlens.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperlens.paper.AuthorNames;
import org.paperlens.paper.CodeLinks;
import org.paperlens.paper.Paper;
import org.paperlens.paper.TexText;

/**
 * A paper's value for every field of {@link PaperFields}, worked out once for every engine: the
 * embedded index ({@code index.lucene.PaperDocument}) and SolrCloud ({@code index.solr.SolrDocuments})
 * only choose their field types, so the two cannot disagree on what a field holds.
 *
 * @param id {@link PaperFields#ID}
 * @param title {@link PaperFields#TITLE}: the title as readable text ({@link TexText#plain}), or null
 * @param titleTex {@link PaperFields#TITLE_TEX}: the title as written, only when that differs from {@code title}
 * @param titleKeys {@link PaperFields#TITLE_KEY}: the readable title's key, then the written one's when it differs
 * @param abstractText {@link PaperFields#ABSTRACT}: the abstract as readable text, or null
 * @param authors {@link PaperFields#AUTHORS}: the names as written, in order
 * @param authorKeys {@link PaperFields#AUTHOR_KEY}: each name {@link AuthorNames#fold folded}, in the same order
 * @param categories {@link PaperFields#CATEGORY}
 * @param primaryCategory {@link PaperFields#PRIMARY_CATEGORY}, or null
 * @param date {@link PaperFields#DATE} ({@link #dateOf}), or null
 * @param codeUrl {@link PaperFields#CODE_URL}, or null; {@link PaperFields#CODE} is "yes" exactly when it is set
 * @param vector {@link PaperFields#VECTOR}, or null when the paper is not embedded yet
 */
public record PaperFieldValues(String id, String title, String titleTex, List<String> titleKeys, String abstractText,
    List<String> authors, List<String> authorKeys, List<String> categories, String primaryCategory,
    LocalDate date, String codeUrl, float[] vector) {

  /** The value of {@link PaperFields#CODE} for a paper that links code. */
  public static final String HAS_CODE = "yes";

  public PaperFieldValues {
    titleKeys = List.copyOf(titleKeys);
    authors = List.copyOf(authors);
    authorKeys = List.copyOf(authorKeys);
    categories = List.copyOf(categories);
  }

  public static PaperFieldValues of(Paper paper, float[] vector) {
    String title = null;
    String titleTex = null;
    List<String> titleKeys = new ArrayList<>(2);
    // Title and abstract are indexed (and stored, for snippets and explanations) as readable text:
    // TeX commands are not words a reader searches for or wants to see in a snippet or a reason.
    if (paper.title() != null) {
      title = TexText.plain(paper.title());
      titleKeys.add(PaperFields.titleKey(title));
      if (!title.equals(paper.title())) {
        titleTex = paper.title();
        titleKeys.add(PaperFields.titleKey(paper.title()));
      }
    }
    String abstractText = paper.abstractText() == null ? null : TexText.plain(paper.abstractText());
    List<String> authorKeys = paper.authors().stream().map(AuthorNames::fold).toList();
    return new PaperFieldValues(paper.id().value(), title, titleTex, titleKeys, abstractText, paper.authors(), authorKeys,
        paper.categories(), paper.primaryCategory(), dateOf(paper), CodeLinks.codeUrl(paper).orElse(null), vector);
  }

  /** The date a reader cares about: when the paper was first listed, else when it was submitted, else updated. */
  public static LocalDate dateOf(Paper p) {
    return p.firstListed() != null ? p.firstListed() : p.submitted() != null ? p.submitted() : p.updated();
  }

  /** Whether {@link PaperFields#CODE} is set: the paper links code. */
  public boolean hasCode() {
    return codeUrl != null;
  }
}
