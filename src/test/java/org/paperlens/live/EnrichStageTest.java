package org.paperlens.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.Doi;
import org.paperlens.citation.RefreshCadence;
import org.paperlens.citation.http.FetchPolicy;
import org.paperlens.citation.http.Sleeper;
import org.paperlens.citation.source.OpenAlexSource;
import org.paperlens.citation.store.LinkedPaper;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.FakeOpenAlex;
import org.paperlens.testing.Stores;

/** The enrichment stage against a local OpenAlex, on a real catalogue and citation store. */
class EnrichStageTest {

  private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
  private static final PaperId A = new PaperId("2612.00001");
  private static final PaperId B = new PaperId("2612.00002");
  private static final PaperId C = new PaperId("2612.00003");
  private static final PaperId SURVEY = new PaperId("2501.00009");

  @TempDir Path tmp;
  private Stores s;
  private FakeOpenAlex openAlex;
  private OpenAlexSource source;
  private final MutableClock clock = new MutableClock(T0);
  private final List<String> log = new CopyOnWriteArrayList<>();
  private EnrichStage stage;

  @BeforeEach
  void open() throws Exception {
    s = new Stores(tmp, Clock.fixed(T0, ZoneOffset.UTC));
    // A cites B, C (not in the catalogue yet) and a survey that OpenAlex knows only by title and
    // year (the catalogue has it from arXiv);
    // C cites A.
    openAlex = new FakeOpenAlex(Map.of(A.value(), List.of(B.value(), C.value()), B.value(), List.of(), C.value(), List.of(A.value())))
        .extra(A.value(), "W7000000001", new FakeOpenAlex.Extra("A Survey of Made-Up Citation Servers", 2025, null));
    // Real time for the client (its cool-down), quick to give up: two attempts, 1 s left alone.
    FetchPolicy quick = new FetchPolicy(Duration.ZERO, Duration.ofSeconds(5), 1 << 20, 2, Duration.ofMillis(10),
        Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(1));
    source = new OpenAlexSource(new OpenAlexSource.Settings(openAlex.base(), Optional.empty(), Optional.of("ops@example.org"), 50, quick),
        Clock.systemUTC(), Sleeper.REAL, n -> {});
    put(A, "Made-up paper 2612.00001", null);
    put(B, "Made-up paper 2612.00002", null);
    put(SURVEY, "A Survey of Made-Up Citation Servers", null);
    stage = new EnrichStage(s.citations, s.catalogue, List.of(source), RefreshCadence.DEFAULT, clock, log::add);
  }

  @AfterEach
  void close() {
    source.close();
    openAlex.close();
    s.close();
  }

  @Test
  void new_papers_are_queued_enriched_and_linked_to_catalogue_papers_by_id_and_by_title() throws Exception {
    runUntilIdle();

    assertThat(s.citations.references(A, 10)).extracting(LinkedPaper::paper)
        .containsExactlyInAnyOrder(Optional.of(B), Optional.of(SURVEY), Optional.empty(), Optional.empty());
    assertThat(s.citations.references(A, 10)).filteredOn(r -> r.paper().isEmpty())
        .extracting(r -> r.work().ids().arxiv().map(PaperId::value).or(() -> r.work().ids().doi().map(Doi::value)).orElseThrow())
        .containsExactlyInAnyOrder(C.value(), "10.9999/ext.2612.00001");
    assertThat(s.citations.citations(B, 10)).extracting(LinkedPaper::paper).containsExactly(Optional.of(A));
    assertThat(s.citations.facts(A).count()).hasValueSatisfying(c -> assertThat(c.total()).isEqualTo(1));
    assertThat(stage.status()).singleElement().satisfies(st -> {
      assertThat(st.queue().found()).isEqualTo(2);
      assertThat(st.queue().unknown()).as("the survey is not in this OpenAlex").isEqualTo(1);
      assertThat(st.enriched()).isEqualTo(2);
      assertThat(st.unreachableSince()).isEmpty();
    });
    assertThat(stage.status().get(0).queued()).isEqualTo(3);

    // C arrives: the edge A → C already stored is tied to it, and its own references (A) are read.
    put(C, "Made-up paper 2612.00003", null);
    stage.wake();
    runUntilIdle();
    assertThat(s.citations.references(A, 10)).extracting(LinkedPaper::paper).contains(Optional.of(C));
    assertThat(s.citations.references(C, 10)).extracting(LinkedPaper::paper).contains(Optional.of(A));
    assertThat(s.citations.newCitations(T0.minusSeconds(1), T0)).extracting(n -> n.citing() + "→" + n.cited())
        .containsExactlyInAnyOrder("2612.00001→2612.00002", "2612.00001→2501.00009", "2612.00001→2612.00003",
            "2612.00003→2612.00001");
  }

  @Test
  void references_are_read_once_and_counts_refreshed_on_the_cadence() throws Exception {
    runUntilIdle();
    int before = openAlex.seen().size();
    runUntilIdle();
    assertThat(openAlex.seen()).as("nothing is due within the day").hasSize(before);

    clock.advance(Duration.ofDays(1).plusSeconds(1));
    runUntilIdle();
    List<String> refresh = openAlex.seen().subList(before, openAlex.seen().size());
    assertThat(refresh).filteredOn(q -> q.startsWith("filter=doi:") && q.contains("2612.00001")).singleElement()
        .satisfies(q -> assertThat(q).contains("2612.00002").doesNotContain("referenced_works"));
    assertThat(refresh).as("the survey, unknown so far, is asked for everything again")
        .filteredOn(q -> q.startsWith("filter=doi:10.48550/arxiv.2501.00009&")).singleElement()
        .satisfies(q -> assertThat(q).contains("referenced_works"));
    assertThat(refresh).noneMatch(q -> q.startsWith("filter=openalex:"));
    assertThat(s.citations.references(A, 10)).hasSize(4);
  }

  @Test
  void a_source_that_goes_down_is_logged_once_shown_in_the_status_and_logged_again_when_back() throws Exception {
    runUntilIdle();
    openAlex.failing(true);
    clock.advance(Duration.ofDays(2));
    stage.step(Duration.ofMillis(1));
    stage.step(Duration.ofMillis(1));
    stage.step(Duration.ofMillis(1));
    assertThat(log).filteredOn(l -> l.contains("unreachable since")).singleElement()
        .satisfies(l -> assertThat(l).startsWith("OpenAlex unreachable since").contains("HTTP 503"));
    assertThat(stage.status().get(0).unreachableSince()).isPresent();
    assertThat(stage.status().get(0).queue().due()).as("its papers stay due").isEqualTo(3);

    openAlex.failing(false);
    Thread.sleep(1_100); // the client's cool-down
    runUntilIdle();
    assertThat(log).filteredOn(l -> l.contains("reachable again")).hasSize(1);
    assertThat(stage.status().get(0).unreachableSince()).isEmpty();
    assertThat(stage.status().get(0).queue().due()).isZero();
  }

  private void runUntilIdle() throws InterruptedException {
    for (int i = 0; i < 20; i++) {
      boolean busy = stage.followCatalogue();
      for (SourceHealth h : stageSources()) {
        busy |= stage.enrich(h);
      }
      if (!busy) {
        return;
      }
    }
    throw new AssertionError("the stage did not settle: " + log);
  }

  private List<SourceHealth> stageSources() {
    return stage.sources();
  }

  private void put(PaperId id, String title, String doi) {
    s.catalogue.write(w -> {
      w.put(Paper.builder(id).title(title).abstractText("Abstract").doi(doi).submitted(java.time.LocalDate.of(2026, 12, 1))
          .source("test").build());
      return null;
    });
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
