package org.paperlens.citation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Tldr;
import org.paperlens.citation.Work;
import org.paperlens.citation.YearCount;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/** The citation store on a real database (SQLite, and PostgreSQL on the pom's second run). */
class CitationStoreTest {

  private static final Instant T1 = Instant.parse("2026-07-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-07-02T10:00:00Z");
  private static final Instant T3 = Instant.parse("2026-07-03T10:00:00Z");
  private static final Instant LATER = Instant.parse("2026-08-01T00:00:00Z");

  @TempDir Path tmp;
  private Stores s;
  private CitationStore c;
  private PaperId a;
  private PaperId b;

  @BeforeEach
  void open() {
    s = new Stores(tmp, Clock.fixed(T1, ZoneOffset.UTC));
    c = s.citations;
    a = paper("2607.00001");
    b = paper("2607.00002");
  }

  @AfterEach
  void close() {
    if (s != null) {
      s.close();
    }
  }

  @Test
  void storing_the_same_answer_twice_stores_it_once() {
    Work w = Works.of(SourceName.SEMANTIC_SCHOLAR, Works.arxiv(a))
        .references(Works.arxivRef(b), Works.doiRef("10.1000/external", "An External Classic", 1998),
            Works.titleOnly("A Reference Known Only By Its Title", 2001))
        .citations(Works.doiRef("10.1000/citer", "A Later Citer", 2027))
        .count(7, "2026-07-01").build();
    c.record(a, w, T1, LATER);
    List<Long> before = rowCounts();
    CitationFacts facts = c.facts(a);
    c.record(a, w, T2, LATER);
    assertThat(rowCounts()).isEqualTo(before).containsExactly(5L, 4L, 1L);
    assertThat(c.facts(a)).isEqualTo(facts);
    assertThat(facts.references()).isEqualTo(3);
    assertThat(facts.citedBy()).isEqualTo(1);
    assertThat(c.references(a, 10)).extracting(LinkedPaper::paper)
        .as("catalogue papers first").containsExactly(Optional.of(b), Optional.empty(), Optional.empty());
    assertThat(c.citations(b, 10)).extracting(LinkedPaper::paper).containsExactly(Optional.of(a));
    assertThat(c.citations(a, 10).get(0).work().ids().doi()).contains(new Doi("10.1000/citer"));
  }

  @Test
  void an_external_reference_is_tied_to_its_paper_when_that_arrives_and_becomes_a_new_citation() {
    PaperId x = new PaperId("2607.00099");
    c.record(a, Works.of(SourceName.OPENALEX, Works.arxiv(a)).references(Works.arxivRef(x)).build(), T1, LATER);
    LinkedPaper external = c.references(a, 10).get(0);
    assertThat(external.paper()).isEmpty();
    assertThat(external.work().ids().arxiv()).contains(x);
    assertThat(c.edges()).singleElement().satisfies(e -> {
      assertThat(e.citing()).isEqualTo(a);
      assertThat(e.cited().value()).startsWith("work:");
    });
    assertThat(c.newCitations(Instant.EPOCH, LATER)).isEmpty();

    paper(x.value());
    assertThat(c.linkCatalogue(x, Optional.empty(), T2)).isEqualTo(1);
    assertThat(c.linkCatalogue(x, Optional.empty(), T3)).as("again").isZero();
    assertThat(c.references(a, 10)).extracting(LinkedPaper::paper).containsExactly(Optional.of(x));
    assertThat(c.edges()).containsExactly(new CitationEdge(a, x));
    assertThat(c.newCitations(T1, T2)).containsExactly(new NewCitation(a, x, T2));
    assertThat(c.newCitations(T2, T3)).as("the window is half-open").isEmpty();
  }

  @Test
  void two_rows_of_one_work_become_one_when_its_paper_arrives_with_its_doi() {
    PaperId d = PaperId.of("test", "journal-paper");
    c.record(a, Works.of(SourceName.OPENALEX, Works.arxiv(a)).references(Works.doiRef("10.1000/J.1", "Journal Paper", 2020)).build(), T1, LATER);
    c.record(b, Works.of(SourceName.OPENALEX, Works.arxiv(b))
        .references(new LinkedWork(new ExternalIds(Optional.empty(), Optional.empty(), Optional.of("W123"), Optional.empty()),
            Optional.empty(), Optional.empty())).build(), T1, LATER);
    assertThat(rowCounts().get(0)).isEqualTo(4);

    put(Paper.builder(d).title("Journal Paper").doi("10.1000/J.1").source("test").build());
    // The paper's own answer knows both its DOI and its OpenAlex id: the two external rows are one work.
    c.record(d, Works.of(SourceName.OPENALEX, new ExternalIds(Doi.parse("10.1000/j.1"), Optional.empty(), Optional.of("W123"),
        Optional.empty())).build(), T2, LATER);
    assertThat(rowCounts().get(0)).isEqualTo(3);
    assertThat(c.edges()).containsExactlyInAnyOrder(new CitationEdge(a, d), new CitationEdge(b, d));
    assertThat(c.newCitations(T1, T2)).extracting(NewCitation::citing).containsExactlyInAnyOrder(a, b);
    assertThat(c.facts(d).citedBy()).isEqualTo(2);
  }

  @Test
  void a_reference_by_a_doi_of_a_catalogue_paper_links_it_whatever_the_case_of_the_doi() {
    PaperId d = PaperId.of("test", "published");
    put(Paper.builder(d).title("Published").doi("10.1103/PhysRevD.1.1").source("test").build());
    c.record(a, Works.of(SourceName.SEMANTIC_SCHOLAR, Works.arxiv(a)).references(Works.doiRef("10.1103/physrevd.1.1", null, null),
        Works.doiRef("10.48550/arXiv.2607.00002", null, null)).build(), T1, LATER);
    assertThat(c.references(a, 10)).extracting(LinkedPaper::paper).containsExactlyInAnyOrder(Optional.of(d), Optional.of(b));
    assertThat(c.newCitations(Instant.EPOCH, T1)).hasSize(2);
  }

  @Test
  void self_citations_are_left_out() {
    c.record(a, Works.of(SourceName.SEMANTIC_SCHOLAR, Works.arxiv(a)).references(Works.arxivRef(a), Works.arxivRef(b))
        .citations(Works.arxivRef(a)).build(), T1, LATER);
    assertThat(c.edges()).containsExactly(new CitationEdge(a, b));
  }

  @Test
  void facts_merge_field_by_field_and_an_older_count_does_not_replace_a_newer_one() {
    c.record(a, Works.of(SourceName.SEMANTIC_SCHOLAR, Works.arxiv(a)).count(10, "2026-07-01").influential(2)
        .tldr("We show that it works.").build(), T1, LATER);
    c.record(a, Works.of(SourceName.OPENALEX, Works.arxiv(a)).count(12, "2026-07-02").venue("NeurIPS")
        .years(new YearCount(2026, 9), new YearCount(2025, 3)).build(), T2, LATER);
    CitationFacts f = c.facts(a);
    assertThat(f.count()).contains(new CitationCount(12, Optional.empty(), LocalDate.parse("2026-07-02")));
    assertThat(f.countSource()).contains(SourceName.OPENALEX);
    assertThat(f.venue()).contains("NeurIPS");
    assertThat(f.tldr()).contains(new Tldr("We show that it works.", SourceName.SEMANTIC_SCHOLAR, "tldr@v2.0.0"));
    assertThat(f.countsByYear()).containsExactly(new YearCount(2025, 3), new YearCount(2026, 9));

    c.record(a, Works.of(SourceName.SEMANTIC_SCHOLAR, Works.arxiv(a)).count(11, "2026-07-01").build(), T3, LATER);
    assertThat(c.facts(a).count().map(CitationCount::total)).as("dated before the stored count").contains(12);
    c.record(a, Works.of(SourceName.OPENALEX, Works.arxiv(a)).years(new YearCount(2026, 10)).build(), T3, LATER);
    assertThat(c.facts(a).countsByYear()).as("replaced when given").containsExactly(new YearCount(2026, 10));
    assertThat(c.facts(a).venue()).as("kept when not given").contains("NeurIPS");
    assertThat(c.facts(b)).isEqualTo(CitationFacts.NONE);
  }

  @Test
  void counts_are_given_for_the_papers_that_have_one() {
    c.record(a, Works.of(SourceName.OPENALEX, Works.arxiv(a)).count(3, "2026-07-01").build(), T1, LATER);
    c.record(b, Works.of(SourceName.OPENALEX, Works.arxiv(b)).venue("ICML").build(), T1, LATER);
    List<PaperId> many = new ArrayList<>(List.of(a, b));
    for (int i = 0; i < 600; i++) {
      many.add(new PaperId("2607." + (10000 + i)));
    }
    assertThat(c.counts(many)).containsExactly(java.util.Map.entry(a, 3));
    assertThat(c.counts(List.of())).isEmpty();
  }

  @Test
  void the_queue_gives_pending_papers_first_then_by_due_time() {
    PaperId p = paper("2607.00003");
    PaperId q = paper("2607.00004");
    c.attempted(a, SourceName.OPENALEX, Outcome.UNKNOWN, T1, T2);
    c.record(b, Works.of(SourceName.OPENALEX, Works.arxiv(b)).references().build(), T1, Instant.parse("2026-07-01T12:00:00Z"));
    c.enqueue(List.of(q, p, a), SourceName.OPENALEX, T2);
    assertThat(c.due(SourceName.OPENALEX, T3, 10)).containsExactly(p, q, b, a);
    assertThat(c.due(SourceName.OPENALEX, T3, 2)).containsExactly(p, q);
    assertThat(c.due(SourceName.OPENALEX, T1, 10)).isEmpty();
    assertThat(c.due(SourceName.SEMANTIC_SCHOLAR, T3, 10)).isEmpty();
    assertThat(c.referencesRead(b, SourceName.OPENALEX)).isTrue();
    assertThat(c.referencesRead(b, SourceName.SEMANTIC_SCHOLAR)).isFalse();
    assertThat(c.referencesRead(a, SourceName.OPENALEX)).isFalse();

    c.record(p, Works.of(SourceName.OPENALEX, Works.arxiv(p)).build(), T3, LATER);
    assertThat(c.due(SourceName.OPENALEX, T3, 10)).containsExactly(q, b, a);
    assertThat(c.referencesRead(p, SourceName.OPENALEX)).as("references not listed").isFalse();
  }

  @Test
  void checkpoints_are_kept_by_name() {
    assertThat(c.checkpoint("catalogue-seq")).isEmpty();
    c.checkpoint("catalogue-seq", "12");
    c.checkpoint("catalogue-seq", "13");
    assertThat(c.checkpoint("catalogue-seq")).contains("13");
  }

  @Test
  void every_write_moves_the_generation() {
    long g0 = c.generation();
    c.enqueue(List.of(a), SourceName.OPENALEX, T1);
    long g1 = c.generation();
    c.record(a, Works.of(SourceName.OPENALEX, Works.arxiv(a)).build(), T1, LATER);
    assertThat(g1).isGreaterThan(g0);
    assertThat(c.generation()).isGreaterThan(g1);
    // Another process's store on the same database sees the shared counter.
    assertThat(new CitationStore(s.catalogue.database()).generation()).isGreaterThanOrEqualTo(2);
  }

  private PaperId paper(String id) {
    return s.paper(id, LocalDate.parse("2026-07-01"), "cs.LG");
  }

  private void put(Paper p) {
    s.catalogue.write(w -> {
      w.put(p);
      return null;
    });
  }

  /** Rows of citation_works, citation_edges and enrichment. */
  private List<Long> rowCounts() {
    return s.db.transaction(tx -> List.of(tx.number("SELECT COUNT(*) FROM citation_works"),
        tx.number("SELECT COUNT(*) FROM citation_edges"), tx.number("SELECT COUNT(*) FROM enrichment")));
  }

  static Edges listed(LinkedWork... works) {
    return new Edges.Listed(List.of(works));
  }
}
