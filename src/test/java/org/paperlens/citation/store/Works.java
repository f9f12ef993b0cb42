package org.paperlens.citation.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paperlens.citation.Authorship;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Tldr;
import org.paperlens.citation.Work;
import org.paperlens.citation.YearCount;
import org.paperlens.paper.PaperId;

/** Source answers for the store's tests, built a field at a time (every field a source may leave out starts out missing). */
final class Works {

  private final SourceName source;
  private final ExternalIds ids;
  private Optional<String> title = Optional.empty();
  private Optional<Integer> year = Optional.empty();
  private Optional<String> venue = Optional.empty();
  private Optional<CitationCount> count = Optional.empty();
  private List<YearCount> years = List.of();
  private Optional<Tldr> tldr = Optional.empty();
  private Edges references = Edges.NOT_GIVEN;
  private Edges citations = Edges.NOT_GIVEN;
  private final List<Authorship> authors = new ArrayList<>();

  private Works(SourceName source, ExternalIds ids) {
    this.source = source;
    this.ids = ids;
  }

  static Works of(SourceName source, ExternalIds ids) {
    return new Works(source, ids);
  }

  static ExternalIds arxiv(PaperId id) {
    return ExternalIds.NONE.withArxiv(Optional.of(id));
  }

  static LinkedWork arxivRef(PaperId id) {
    return new LinkedWork(arxiv(id), Optional.empty(), Optional.empty());
  }

  static LinkedWork doiRef(String doi, String title, Integer year) {
    return new LinkedWork(ExternalIds.NONE.withDoi(Doi.parse(doi)), Optional.ofNullable(title), Optional.ofNullable(year));
  }

  static LinkedWork titleOnly(String title, Integer year) {
    return new LinkedWork(ExternalIds.NONE, Optional.of(title), Optional.ofNullable(year));
  }

  Works title(String t) {
    title = Optional.of(t);
    return this;
  }

  Works year(int y) {
    year = Optional.of(y);
    return this;
  }

  Works venue(String v) {
    venue = Optional.of(v);
    return this;
  }

  Works count(int total, String asOf) {
    count = Optional.of(new CitationCount(total, Optional.empty(), LocalDate.parse(asOf)));
    return this;
  }

  Works influential(int n) {
    CitationCount c = count.orElseThrow();
    count = Optional.of(new CitationCount(c.total(), Optional.of(n), c.asOf()));
    return this;
  }

  Works years(YearCount... y) {
    years = List.of(y);
    return this;
  }

  Works tldr(String text) {
    tldr = Optional.of(new Tldr(text, SourceName.SEMANTIC_SCHOLAR, "tldr@v2.0.0"));
    return this;
  }

  Works references(LinkedWork... works) {
    references = new Edges.Listed(List.of(works));
    return this;
  }

  Works references(List<LinkedWork> works) {
    references = new Edges.Listed(works);
    return this;
  }

  Works citations(LinkedWork... works) {
    citations = new Edges.Listed(List.of(works));
    return this;
  }

  Works author(Authorship a) {
    authors.add(a);
    return this;
  }

  Work build() {
    return new Work(source, ids, title, year, venue, count, years, tldr, references, citations, authors);
  }
}
