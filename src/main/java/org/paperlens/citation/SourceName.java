package org.paperlens.citation;

/** The open scholarly sources a {@link Work} may come from; the name is what pages and the log show. */
public enum SourceName {
  OPENALEX("OpenAlex"),
  SEMANTIC_SCHOLAR("Semantic Scholar");

  private final String displayName;

  SourceName(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
