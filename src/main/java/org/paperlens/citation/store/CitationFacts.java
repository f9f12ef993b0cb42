package org.paperlens.citation.store;

import java.util.List;
import java.util.Optional;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Tldr;
import org.paperlens.citation.YearCount;

/**
 * What is stored about one catalogue paper's citations, for its page and its JSON.
 *
 * @param countsByYear oldest year first
 * @param references how many references are stored (catalogue and external)
 * @param citedBy how many stored edges cite it; the source's {@code count} may be larger
 */
public record CitationFacts(
    Optional<CitationCount> count,
    Optional<SourceName> countSource,
    List<YearCount> countsByYear,
    Optional<String> venue,
    Optional<Tldr> tldr,
    int references,
    int citedBy) {

  public static final CitationFacts NONE =
      new CitationFacts(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), 0, 0);

  public CitationFacts {
    countsByYear = List.copyOf(countsByYear);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }
}
