package org.paperlens.citation;

import java.util.List;
import java.util.Optional;

/**
 * What one source says about one paper. Every part but the ids and the source may be missing,
 * since sources differ in what they know (OpenAlex has no TLDR, Semantic Scholar no counts by year).
 *
 * @param countsByYear citations per year, newest first as the source sends them; empty when not given
 */
public record Work(
    SourceName source,
    ExternalIds ids,
    Optional<String> title,
    Optional<Integer> year,
    Optional<String> venue,
    Optional<CitationCount> citationCount,
    List<YearCount> countsByYear,
    Optional<Tldr> tldr,
    Edges references,
    Edges citations,
    List<Authorship> authorships) {

  public Work {
    countsByYear = List.copyOf(countsByYear);
    authorships = List.copyOf(authorships);
  }
}
