package org.paperlens.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One paper as the catalogue knows it: the latest version's metadata.
 *
 * <p>Text fields are normalised ({@link PaperText}) by the importers before a {@code Paper} is
 * built. Absent values are {@code null} (never empty strings), lists are never null.
 *
 * @param version latest version number, 0 when no source has said
 * @param categories arXiv subject categories, primary first
 * @param classes other classification codes (MSC, ACM) that sources list among categories
 * @param submitted date of the first version
 * @param updated date of the latest version
 * @param firstListed the day the paper first appeared in a daily listing
 * @param source the importer that last changed this record ({@code arxiv-oai}, {@code arxiv-listing}, ...)
 */
public record Paper(
    PaperId id,
    int version,
    String title,
    String abstractText,
    List<String> authors,
    String primaryCategory,
    List<String> categories,
    List<String> classes,
    LocalDate submitted,
    LocalDate updated,
    LocalDate firstListed,
    String comment,
    String journalRef,
    String doi,
    String absUrl,
    String pdfUrl,
    String source) {

  public Paper {
    Objects.requireNonNull(id, "id");
    authors = authors == null ? List.of() : List.copyOf(authors);
    Categories.Split split = Categories.split(
        categories == null ? List.of() : categories, classes == null ? List.of() : classes);
    categories = split.categories();
    classes = split.classes();
    if (primaryCategory == null && !categories.isEmpty()) {
      primaryCategory = categories.getFirst();
    }
  }

  /** The paper's page at its source: the one it names, else arXiv's for an arXiv id, else null. */
  public String sourcePage() {
    return absUrl != null ? absUrl : id.isArxiv() ? "https://arxiv.org/abs/" + id.value() : null;
  }

  /** The paper's PDF: the one its source names, else arXiv's for an arXiv id, else null. */
  public String sourcePdf() {
    return pdfUrl != null ? pdfUrl : id.isArxiv() ? "https://arxiv.org/pdf/" + id.value() : null;
  }

  /** A builder, because importers fill these fields from many differently shaped sources. */
  public static Builder builder(PaperId id) {
    return new Builder(id);
  }

  public Builder toBuilder() {
    return new Builder(id)
        .version(version).title(title).abstractText(abstractText).authors(authors)
        .primaryCategory(primaryCategory).categories(categories).classes(classes).submitted(submitted)
        .updated(updated).firstListed(firstListed).comment(comment).journalRef(journalRef)
        .doi(doi).absUrl(absUrl).pdfUrl(pdfUrl).source(source);
  }

  /** Mutable only while a record is being read; {@link #build()} gives the immutable paper. */
  public static final class Builder {
    private final PaperId id;
    private int version;
    private String title;
    private String abstractText;
    private List<String> authors = List.of();
    private String primaryCategory;
    private List<String> categories = List.of();
    private List<String> classes = List.of();
    private LocalDate submitted;
    private LocalDate updated;
    private LocalDate firstListed;
    private String comment;
    private String journalRef;
    private String doi;
    private String absUrl;
    private String pdfUrl;
    private String source;

    private Builder(PaperId id) {
      this.id = id;
    }

    public Builder version(int v) { this.version = v; return this; }
    public Builder title(String v) { this.title = v; return this; }
    public Builder abstractText(String v) { this.abstractText = v; return this; }
    public Builder authors(List<String> v) { this.authors = v; return this; }
    public Builder primaryCategory(String v) { this.primaryCategory = v; return this; }
    public Builder categories(List<String> v) { this.categories = v; return this; }
    public Builder classes(List<String> v) { this.classes = v; return this; }
    public Builder submitted(LocalDate v) { this.submitted = v; return this; }
    public Builder updated(LocalDate v) { this.updated = v; return this; }
    public Builder firstListed(LocalDate v) { this.firstListed = v; return this; }
    public Builder comment(String v) { this.comment = v; return this; }
    public Builder journalRef(String v) { this.journalRef = v; return this; }
    public Builder doi(String v) { this.doi = v; return this; }
    public Builder absUrl(String v) { this.absUrl = v; return this; }
    public Builder pdfUrl(String v) { this.pdfUrl = v; return this; }
    public Builder source(String v) { this.source = v; return this; }

    public Paper build() {
      return new Paper(id, version, title, abstractText, authors, primaryCategory, categories,
          classes, submitted, updated, firstListed, comment, journalRef, doi, absUrl, pdfUrl, source);
    }
  }
}
