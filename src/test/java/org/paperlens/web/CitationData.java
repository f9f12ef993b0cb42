package org.paperlens.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.paperlens.citation.Authorship;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.Institution;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.paper.PaperId;

/** What a citation source said of the search fixture's papers, written through the real {@link CitationStore#record}. */
final class CitationData {

  private CitationData() {}

  /** An OpenAlex answer for catalogue paper {@code arxiv}: its count (null: none given) and authorships. */
  static Work openAlex(String arxiv, Integer count, Authorship... authors) {
    return work(SourceName.OPENALEX, arxiv, count, authors);
  }

  static Work semanticScholar(String arxiv, Integer count, Authorship... authors) {
    return work(SourceName.SEMANTIC_SCHOLAR, arxiv, count, authors);
  }

  private static Work work(SourceName source, String arxiv, Integer count, Authorship... authors) {
    String digits = arxiv.replaceAll("\\D", "");
    ExternalIds ids = new ExternalIds(Optional.empty(), Optional.of(new PaperId(arxiv)),
        source == SourceName.OPENALEX ? Optional.of("W" + digits) : Optional.empty(),
        source == SourceName.SEMANTIC_SCHOLAR ? Optional.of(String.format("%040d", Long.parseLong(digits))) : Optional.empty());
    Optional<CitationCount> counted = count == null ? Optional.empty()
        : Optional.of(new CitationCount(count, Optional.empty(), LocalDate.of(2026, 12, 1)));
    return new Work(source, ids, Optional.empty(), Optional.empty(), Optional.empty(), counted, List.of(), Optional.empty(),
        Edges.NOT_GIVEN, Edges.NOT_GIVEN, List.of(authors));
  }

  /** An author as a source identifies them; {@code id} null for a name alone. */
  static Authorship author(String name, String id, String orcid, String institution) {
    return new Authorship(name, Optional.ofNullable(id), Optional.ofNullable(orcid),
        institution == null ? List.of() : List.of(new Institution(institution, Optional.empty(), Optional.empty())));
  }

  static void record(CitationStore store, String paper, Work work) {
    Instant now = Instant.now();
    store.record(new PaperId(paper), work, now, now.plus(1, ChronoUnit.DAYS));
  }
}
