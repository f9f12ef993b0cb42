package org.paperlens.citation.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.paperlens.citation.Institution;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Tldr;
import org.paperlens.citation.YearCount;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/** The citation store's facts, counts, queue and author identities on a real database (SQLite, and PostgreSQL on the pom's second run). */
class CitationFactsStoreTest {

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

  @Test
  void authorships_are_replaced_per_source_and_identities_of_one_orcid_are_one_person() {
    Institution mit = new Institution("MIT", Optional.of("I63966007"), Optional.of("https://ror.org/042nb2s44"));
    c.record(a, Works.of(SourceName.OPENALEX, Works.arxiv(a))
        .author(new Authorship("Yang Liu", Optional.of("A100"), Optional.of("https://orcid.org/0000-0002-1825-0097"), List.of(mit)))
        .author(new Authorship("Ada Lovelace", Optional.empty(), Optional.empty(), List.of())).build(), T1, LATER);
    c.record(a, Works.of(SourceName.SEMANTIC_SCHOLAR, Works.arxiv(a))
        .author(new Authorship("Y. Liu", Optional.of("1741101"), Optional.empty(), List.of())).build(), T1, LATER);
    // The same person on another paper, in the other source, under another spelling, with the ORCID.
    c.record(b, Works.of(SourceName.SEMANTIC_SCHOLAR, Works.arxiv(b))
        .author(new Authorship("Liu, Yang", Optional.of("999"), Optional.of("0000-0002-1825-0097"), List.of())).build(), T1, LATER);
    // A namesake: another OpenAlex id, no ORCID.
    PaperId p = paper("2607.00003");
    c.record(p, Works.of(SourceName.OPENALEX, Works.arxiv(p))
        .author(new Authorship("Yang Liu", Optional.of("A200"), Optional.empty(), List.of())).build(), T1, LATER);

    List<PaperAuthor> authors = c.authors(a);
    assertThat(authors).as("OpenAlex's where both gave them").extracting(PaperAuthor::name).containsExactly("Yang Liu", "Ada Lovelace");
    assertThat(authors.get(0).institutions()).containsExactly(mit);
    assertThat(authors.get(1).identity()).isEmpty();
    AuthorIdentity yang = authors.get(0).identity().orElseThrow();
    assertThat(yang.orcid()).contains("0000-0002-1825-0097");
    assertThat(yang.institution()).contains("MIT");
    assertThat(c.identity(yang.id())).contains(yang);
    assertThat(c.papersOf(yang)).containsExactlyInAnyOrder(a, b);
    AuthorIdentity namesake = c.authors(p).get(0).identity().orElseThrow();
    assertThat(c.papersOf(namesake)).containsExactly(p);
    assertThat(c.identitiesNamed("Yang Liu")).extracting(AuthorIdentity::sourceId).containsExactly("A100", "A200");

    // A later answer without the ORCID keeps it, and replaces the source's authorships as a whole.
    c.record(a, Works.of(SourceName.OPENALEX, Works.arxiv(a))
        .author(new Authorship("Yang Liu", Optional.of("A100"), Optional.empty(), List.of())).build(), T2, LATER);
    assertThat(c.authors(a)).singleElement().satisfies(pa -> {
      assertThat(pa.identity().flatMap(AuthorIdentity::orcid)).contains("0000-0002-1825-0097");
      assertThat(pa.identity().flatMap(AuthorIdentity::institution)).contains("MIT");
      assertThat(pa.institutions()).isEmpty();
    });
    assertThat(c.authors(b)).extracting(PaperAuthor::name).containsExactly("Liu, Yang");
    assertThat(c.identity(-1)).isEmpty();
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
}
