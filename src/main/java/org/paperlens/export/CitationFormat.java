package org.paperlens.export;

import java.util.List;
import java.util.Locale;
import org.paperlens.paper.Paper;

/** The citation formats papers export to, each with its media type and file extension. */
public enum CitationFormat {
  BIBTEX("application/x-bibtex", "bib"),
  RIS("application/x-research-info-systems", "ris"),
  CSL_JSON("application/vnd.citationstyles.csl+json", "json");

  private final String mediaType;
  private final String extension;

  CitationFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The papers in this format, in the order given. */
  public String write(List<Paper> papers) {
    return switch (this) {
      case BIBTEX -> BibtexWriter.write(papers);
      case RIS -> RisWriter.write(papers);
      case CSL_JSON -> CslJsonWriter.write(papers);
    };
  }

  /** {@code bibtex}, {@code ris} or {@code csl-json} (as in URLs and flags). */
  public static CitationFormat parse(String name) {
    return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
      case "bibtex", "bib" -> BIBTEX;
      case "ris" -> RIS;
      case "csl-json", "csl", "csljson" -> CSL_JSON;
      default -> throw new IllegalArgumentException("unknown export format '" + name + "'; known: bibtex, ris, csl-json");
    };
  }

  public String flagName() {
    return this == CSL_JSON ? "csl-json" : name().toLowerCase(Locale.ROOT);
  }
}
