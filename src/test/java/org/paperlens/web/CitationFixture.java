package org.paperlens.web;

import java.time.Instant;
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
import org.paperlens.citation.store.CitationStore;
import org.paperlens.paper.PaperId;

/**
 * What OpenAlex and Semantic Scholar might say of the search fixture's papers, written through
 * {@link CitationStore#record} as the enrichment stage writes it, for the page, API and browser tests:
 * <ul>
 *   <li>2401.00101 (molecules): 42 citations as of 2026-11-30 with counts for 2024 to 2026, a venue,
 *       a TLDR, four references (two catalogue papers, one external by DOI, one by arXiv id), two
 *       citers (one in the catalogue), and identities for both authors;</li>
 *   <li>2401.00106 shares the DOI reference: a coupled neighbour on 2401.00101's map;</li>
 *   <li>2401.00102 (sparse attention): 25 external references, more than a paper page lists.</li>
 * </ul>
 * Every other fixture paper has nothing stored.
 */
final class CitationFixture {

  static final PaperId MOLECULES = new PaperId("2401.00101");
  static final PaperId LONG_LIST = new PaperId("2401.00102");
  static final PaperId COUPLED = new PaperId("2401.00106");
  static final String ORCID = "0000-0002-1825-0097";
  static final String NMP_DOI = "10.5555/3305381.3305512";
  static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

  private CitationFixture() {}

  static LinkedWork arxiv(String id, String title, int year) {
    return new LinkedWork(ExternalIds.NONE.withArxiv(Optional.of(new PaperId(id))), Optional.of(title), Optional.of(year));
  }

  static LinkedWork doi(String doi, String title, int year) {
    return new LinkedWork(ExternalIds.NONE.withDoi(Doi.parse(doi)), Optional.of(title), Optional.of(year));
  }

  static void write(CitationStore store) {
    LinkedWork nmp = doi(NMP_DOI, "Neural Message Passing for Quantum Chemistry", 2017);
    Work openAlex = new Work(SourceName.OPENALEX,
        new ExternalIds(Optional.of(Doi.ofArxiv(MOLECULES)), Optional.of(MOLECULES), Optional.of("W4390000101"), Optional.empty()),
        Optional.of("Graph Neural Networks for Molecular Property Prediction"), Optional.of(2024),
        Optional.of("Journal of Chemical Information and Modeling"),
        Optional.of(new CitationCount(42, Optional.empty(), LocalDate.of(2026, 11, 30))),
        List.of(new YearCount(2026, 7), new YearCount(2025, 30), new YearCount(2024, 5)), Optional.empty(),
        new Edges.Listed(List.of(arxiv("2401.00105", "Contrastive Pretraining of Molecule Encoders", 2024),
            arxiv("2401.00109", "Equivariant Networks for 3D Molecular Conformations", 2024), nmp,
            arxiv("1609.02907", "Semi-Supervised Classification with Graph Convolutional Networks", 2016))),
        Edges.NOT_GIVEN,
        List.of(new Authorship("Maria Garcia", Optional.of("A5000000001"), Optional.of(ORCID), List.of()),
            new Authorship("Wei Zhang", Optional.of("A5000000002"), Optional.empty(), List.of())));
    store.record(MOLECULES, openAlex, AT, AT.plusSeconds(86_400));
    Work semanticScholar = new Work(SourceName.SEMANTIC_SCHOLAR,
        ExternalIds.NONE.withArxiv(Optional.of(MOLECULES)).withSemanticScholar(Optional.of("a".repeat(40))), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
        Optional.of(new Tldr("A message-passing network predicts molecular properties from the bond graph.", SourceName.SEMANTIC_SCHOLAR,
            "tldr@v2.0.0")),
        Edges.NOT_GIVEN,
        new Edges.Listed(List.of(arxiv("2401.00110", "Attention Is Not All You Need for Tabular Data", 2024),
            doi("10.1000/molecules.at.scale", "Molecules at Scale: A Survey", 2025))),
        List.of());
    store.record(MOLECULES, semanticScholar, AT, AT.plusSeconds(86_400));

    store.record(COUPLED, references(COUPLED, List.of(nmp)), AT, AT.plusSeconds(86_400));
    List<LinkedWork> many = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      many.add(doi("10.1000/long." + i, "Long-context reference " + i, 2000 + i));
    }
    store.record(LONG_LIST, references(LONG_LIST, many), AT, AT.plusSeconds(86_400));
  }

  /** An OpenAlex answer with references only. */
  static Work references(PaperId id, List<LinkedWork> refs) {
    return new Work(SourceName.OPENALEX, ExternalIds.NONE.withArxiv(Optional.of(id)), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), new Edges.Listed(refs), Edges.NOT_GIVEN, List.of());
  }
}
