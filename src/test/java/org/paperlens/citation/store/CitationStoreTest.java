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
import org.paperlens.citation.Authorship;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Doi;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Tldr;
import org.paperlens.citation.Work;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/** The citation store's works and edges on a real database (SQLite, and PostgreSQL on the pom's second run); facts and authors in CitationFactsStoreTest. */
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
  void text_with_nul_and_control_characters_or_any_unicode_is_stored_alike_on_both_engines() {
    String title = "Na\u0000ive \u00c9tude of \ud83d\ude80 rockets:\u0007 a\u0301ccents and \u4e2d\u6587";
    c.record(a, Works.of(SourceName.SEMANTIC_SCHOLAR, Works.arxiv(a)).venue("Proc.\u0000 of X").tldr("One \u0000line.")
        .references(Works.titleOnly(title, 2020), Works.titleOnly("x".repeat(10_000), null),
            Works.titleOnly(" \u0000 ", 2020))
        .author(new Authorship("J\u00fcrgen\u0000 M\u00fcller", Optional.of("7\u00000"), Optional.of("not an orcid"), List.of()))
        .build(), T1, LATER);
    assertThat(c.references(a, 10)).extracting(r -> r.work().title().orElseThrow())
        .containsExactlyInAnyOrder("Naive \u00c9tude of \ud83d\ude80 rockets: a\u0301ccents and \u4e2d\u6587", "x".repeat(Text.MAX));
    CitationFacts f = c.facts(a);
    assertThat(f.venue()).contains("Proc. of X");
    assertThat(f.tldr().map(Tldr::text)).contains("One line.");
    assertThat(c.authors(a)).singleElement().satisfies(pa -> {
      assertThat(pa.name()).isEqualTo("J\u00fcrgen M\u00fcller");
      assertThat(pa.identity().map(AuthorIdentity::sourceId)).contains("70");
      assertThat(pa.identity().flatMap(AuthorIdentity::orcid)).isEmpty();
    });
  }

  @Test
  void a_failure_part_way_through_a_record_stores_none_of_it() {
    c.enqueue(List.of(a), SourceName.OPENALEX, T1);
    List<Long> before = rowCounts();
    long generation = c.generation();
    // A count without its date fails after the works and edges were written, when the facts are.
    Work broken = Works.of(SourceName.OPENALEX, Works.arxiv(a)).references(Works.arxivRef(b), Works.doiRef("10.1000/x", "X", 2020))
        .build();
    Work withBadCount = new Work(broken.source(), broken.ids(), broken.title(), broken.year(), broken.venue(),
        Optional.of(new CitationCount(5, Optional.empty(), null)), broken.countsByYear(), broken.tldr(), broken.references(),
        broken.citations(), broken.authorships());
    assertThatThrownBy(() -> c.record(a, withBadCount, T1, LATER)).isInstanceOf(NullPointerException.class);
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(c.edges()).isEmpty();
    assertThat(c.due(SourceName.OPENALEX, T1, 10)).containsExactly(a);
    assertThat(c.generation()).isEqualTo(generation);
  }

  @Test
  void a_paper_with_twelve_hundred_references_is_stored_in_one_batched_transaction() {
    List<LinkedWork> refs = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      refs.add(i % 3 == 0 ? Works.doiRef("10.1000/ref." + i, "Reference " + i, 2000 + i % 20)
          : i % 3 == 1 ? Works.arxivRef(new PaperId("2001." + (10000 + i)))
          : Works.titleOnly("A reference without ids number " + i, 1990));
    }
    refs.add(Works.arxivRef(b));
    Work w = Works.of(SourceName.SEMANTIC_SCHOLAR, Works.arxiv(a)).references(refs).build();
    long start = System.nanoTime();
    c.record(a, w, T1, LATER);
    long first = System.nanoTime() - start;
    start = System.nanoTime();
    c.record(a, w, T2, LATER);
    long again = System.nanoTime() - start;
    System.out.printf("record of 1201 references on %s: %d ms, again %d ms%n", s.catalogue.url().dialect().getClass().getSimpleName(),
        first / 1_000_000, again / 1_000_000);
    assertThat(c.facts(a).references()).isEqualTo(1201);
    assertThat(rowCounts().get(0)).isEqualTo(1202);
    assertThat(c.references(a, 2)).extracting(LinkedPaper::paper).containsExactly(Optional.of(b), Optional.empty());
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
}
