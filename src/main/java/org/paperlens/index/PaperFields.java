package org.paperlens.index;

import java.util.Map;
import org.paperlens.paper.AuthorNames;

/**
 * Every field of the paper index, named in one place, for every engine. The embedded engine's
 * analysis of them is {@code index.lucene.PaperAnalyzer}; The SolrCloud
 * schema ({@code solr/configset/schema.xml}) declares the same fields with the same analysis.
 *
 * <p>Stored fields are only what a result list shows (id, title, authors, primary category,
 * date, code link) plus the abstract, which snippets are cut from. Everything else is indexed only.
 */
public final class PaperFields {

  /** Paper id, exact; stored. */
  public static final String ID = "id";
  /** Title as readable text ({@link org.paperlens.paper.TexText}): English analysis (Porter stemming, stop words); stored. */
  public static final String TITLE = "title";
  /** The title as written, with its TeX, when that differs from {@link #TITLE}'s readable text; stored only, for pages that typeset it. */
  public static final String TITLE_TEX = "title_tex";
  /** Abstract: English analysis; stored for highlighted snippets. */
  public static final String ABSTRACT = "abstract";
  /** One value per author, folded to ASCII and lower case, no stemming; stored. */
  public static final String AUTHORS = "authors";
  /** arXiv categories, exact ({@code cs.LG}); multi-valued. */
  public static final String CATEGORY = "category";
  /** Primary category, stored for display. */
  public static final String PRIMARY_CATEGORY = "primary_category";
  /** The paper's date (first listed, else submitted) as epoch day: points for filters, stored. */
  public static final String DATE = "date";
  /** The title reduced to lower-case letters and digits, exact: finds a paper by its exact title. */
  public static final String TITLE_KEY = "title_key";
  /** One value per author, the whole name as {@link AuthorNames#fold} folds it, exact: an author's papers. */
  public static final String AUTHOR_KEY = "author_key";
  /** "yes" for a paper that links code ({@link org.paperlens.paper.CodeLinks}), absent otherwise; for the "with code" filter. */
  public static final String CODE = "code";
  /** The paper's first code link ({@link org.paperlens.paper.CodeLinks#codeUrl}), stored only: a result's Code chip. */
  public static final String CODE_URL = "code_url";
  /** The dense vector of title + abstract, HNSW over codes of {@link IndexSettings#quantization} (by default our own int8 codes, {@link VectorCodes}). */
  public static final String VECTOR = "vector";

  /** Query-language aliases ({@code ti:}, {@code abs:}, {@code au:}, {@code cat:}) to fields. */
  public static final Map<String, String> ALIASES = Map.of(
      "ti", TITLE, "title", TITLE,
      "abs", ABSTRACT, "abstract", ABSTRACT,
      "au", AUTHORS, "author", AUTHORS, "authors", AUTHORS,
      "cat", CATEGORY, "category", CATEGORY);

  private PaperFields() {}


  /** The key for exact-title lookups: case, accents, punctuation and spacing ignored. */
  public static String titleKey(String title) {
    if (title == null) {
      return "";
    }
    String folded = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD)
        .replaceAll("\\p{M}", "");
    return folded.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
