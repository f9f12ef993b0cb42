package org.paperlens.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.SharedData;
import org.paperlens.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class HarvesterTest {

  /** Real listings when the shared data is here (2,000 papers, 8 pages), else our 30-paper sample (6 pages). */
  private static List<Listings.Listing> papers;
  private static int pageSize;
  private static LocalDate lastDay;

  @TempDir
  Path data;

  private final List<String> notices = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void loadListings() throws IOException {
    papers = Listings.load(2000);
    pageSize = papers.size() >= 2000 ? 250 : 5;
    lastDay = papers.stream().map(Listings.Listing::day).max(LocalDate::compareTo).orElseThrow();
  }

  private Harvester.Outcome harvest(CatalogueStore store, URI base, Optional<LocalDate> from) throws IOException {
    return harvest(store, base, from, Optional.empty());
  }

  private Harvester.Outcome harvest(CatalogueStore store, URI base, Optional<LocalDate> from, Optional<LocalDate> until)
      throws IOException {
    Harvester.Options options = new Harvester.Options(base, "arXiv", Optional.of("cs"), from, until,
        Duration.ZERO, Duration.ofMillis(10), 3, FetchLimits.HARVEST.withTimeout(Duration.ofSeconds(10)));
    return new Harvester(store, options, Progress.NONE, notices::add).run(new ImportReport());
  }

  private static Set<String> ids(List<Listings.Listing> listings) {
    return listings.stream().map(Listings.Listing::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> catalogueIds(CatalogueStore store) {
    Set<String> ids = new TreeSet<>();
    store.forEach(p -> ids.add(p.id().value()));
    return ids;
  }

  private static int pages(int records) {
    return (records + pageSize - 1) / pageSize;
  }

  @Test
  void every_paper_of_a_paged_list_arrives_exactly_once() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(pageSize); CatalogueStore store = TestDatabase.catalogue(data)) {
      server.publish(papers, lastDay);

      Harvester.Outcome outcome = harvest(store, server.baseUrl(), Optional.empty());

      assertThat(outcome.report().read()).isEqualTo(papers.size());
      assertThat(outcome.report().added()).isEqualTo(ids(papers).size());
      assertThat(outcome.report().skipped()).isZero();
      assertThat(outcome.pages()).isEqualTo(pages(papers.size()));
      assertThat(server.requests()).hasSize(outcome.pages());
      assertThat(catalogueIds(store)).isEqualTo(ids(papers));
      assertThat(server.requests().getFirst().query()).containsEntry("metadataPrefix", "arXiv").containsEntry("set", "cs")
          .doesNotContainKey("from");
      Listings.Listing first = papers.getFirst();
      Paper stored = store.find(new PaperId(first.id())).orElseThrow();
      assertThat(stored.authors()).isEqualTo(first.authors());
      assertThat(stored.categories()).isEqualTo(first.categories());
      assertThat(stored.source()).isEqualTo("arxiv-oai");
    }
  }

  @Test
  void a_second_run_asks_only_for_what_changed_since_the_first_list_began() throws IOException {
    LocalDate firstDay = papers.getFirst().day();
    List<Listings.Listing> early = papers.stream().filter(p -> !p.day().isAfter(firstDay)).toList();
    try (OaiTestServer server = OaiTestServer.paging(pageSize); CatalogueStore store = TestDatabase.catalogue(data)) {
      server.publish(papers, firstDay);
      harvest(store, server.baseUrl(), Optional.empty());
      assertThat(catalogueIds(store)).isEqualTo(ids(early));
      int requestsBefore = server.requests().size();

      server.publish(papers, lastDay);
      Harvester.Outcome second = harvest(store, server.baseUrl(), Optional.empty());

      assertThat(server.requests().get(requestsBefore).query()).containsEntry("from", firstDay.toString());
      assertThat(second.report().added()).isEqualTo(papers.size() - early.size());
      assertThat(second.report().unchanged()).as("the first day again: harmless overlap").isEqualTo(early.size());
      assertThat(second.changedCatalogue()).isTrue();
      assertThat(catalogueIds(store)).isEqualTo(ids(papers));
    }
  }

  @Test
  void an_until_beyond_the_servers_today_does_not_push_the_next_from_into_the_future() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(pageSize); CatalogueStore store = TestDatabase.catalogue(data)) {
      server.publish(papers, lastDay);
      harvest(store, server.baseUrl(), Optional.empty(), Optional.of(lastDay.plusDays(30)));
      int requestsBefore = server.requests().size();

      harvest(store, server.baseUrl(), Optional.empty());

      assertThat(server.requests().get(requestsBefore).query()).containsEntry("from", lastDay.toString())
          .doesNotContainKey("until");
    }
  }

  @Test
  void a_503_with_retry_after_is_waited_out_and_retried() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(pageSize); CatalogueStore store = TestDatabase.catalogue(data)) {
      server.publish(papers, lastDay);
      server.failNext(503);

      Harvester.Outcome outcome = harvest(store, server.baseUrl(), Optional.empty());

      assertThat(catalogueIds(store)).isEqualTo(ids(papers));
      assertThat(outcome.report().read()).isEqualTo(papers.size());
      List<OaiTestServer.Request> requests = server.requests();
      assertThat(requests.get(1).query()).isEqualTo(requests.get(0).query());
      assertThat(Duration.ofNanos(requests.get(1).nanoTime() - requests.get(0).nanoTime()))
          .as("the retry came no sooner than the server asked").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(notices).anyMatch(n -> n.contains("HTTP 503 with Retry-After 1 s; retry 1 of 3"));
    }
  }

  @Test
  void a_server_error_in_mid_list_is_retried_and_nothing_is_lost_or_doubled() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(pageSize); CatalogueStore store = TestDatabase.catalogue(data)) {
      server.publish(papers, lastDay);
      server.failAfter(1, 500, 502);

      Harvester.Outcome outcome = harvest(store, server.baseUrl(), Optional.empty());

      assertThat(outcome.report().read()).isEqualTo(papers.size());
      assertThat(outcome.report().added()).isEqualTo(papers.size());
      assertThat(catalogueIds(store)).isEqualTo(ids(papers));
      assertThat(notices).anyMatch(n -> n.contains("HTTP 500; retry 1 of 3")).anyMatch(n -> n.contains("HTTP 502; retry 2 of 3"));
    }
  }

  @Test
  void a_server_that_keeps_failing_is_given_up_on_after_the_retries() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(pageSize); CatalogueStore store = TestDatabase.catalogue(data)) {
      server.publish(papers, lastDay);
      server.failNext(500, 500, 500, 500);

      assertThatThrownBy(() -> harvest(store, server.baseUrl(), Optional.empty()))
          .isInstanceOf(RemoteSourceException.class).hasMessageContaining("after 4 attempts; last: HTTP 500");
      assertThat(server.requests()).hasSize(4);
    }
  }

  @Test
  void a_refusal_other_than_503_or_429_fails_at_once() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(pageSize); CatalogueStore store = TestDatabase.catalogue(data)) {
      server.publish(papers, lastDay);
      server.failNext(404);

      assertThatThrownBy(() -> harvest(store, server.baseUrl(), Optional.empty()))
          .isInstanceOf(RemoteSourceException.class).hasMessageContaining("HTTP 404");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void a_forgotten_resumption_token_restarts_the_list_and_every_paper_still_arrives_once() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(pageSize); CatalogueStore store = TestDatabase.catalogue(data)) {
      server.publish(papers, lastDay);
      server.forgetTokenAt(2 * pageSize);

      Harvester.Outcome outcome = harvest(store, server.baseUrl(), Optional.empty());

      assertThat(catalogueIds(store)).isEqualTo(ids(papers));
      assertThat(outcome.report().added()).isEqualTo(papers.size());
      assertThat(outcome.report().unchanged()).as("the first two pages, read again").isEqualTo(2L * pageSize);
      assertThat(notices).anyMatch(n -> n.contains("no longer knows the resumption token"));
    }
  }

  @Test
  void a_harvest_stopped_mid_list_resumes_from_its_stored_token() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(pageSize); CatalogueStore store = TestDatabase.catalogue(data)) {
      server.publish(papers, lastDay);
      server.failAfter(2, 404);
      assertThatThrownBy(() -> harvest(store, server.baseUrl(), Optional.empty())).isInstanceOf(RemoteSourceException.class);
      assertThat(catalogueIds(store)).hasSize(2 * pageSize);

      Harvester.Outcome resumed = harvest(store, server.baseUrl(), Optional.empty());

      assertThat(server.requests().get(3).query()).containsEntry("resumptionToken", 2 * pageSize + "||");
      assertThat(resumed.report().read()).isEqualTo(papers.size() - 2L * pageSize);
      assertThat(catalogueIds(store)).isEqualTo(ids(papers));
    }
  }

  @Test
  void the_real_recorded_response_is_harvested_and_its_response_date_becomes_the_next_from() throws IOException {
    Path recorded = SharedData.require("fixtures/arxiv-oai-pmh").resolve("arxiv-physics-hep-th.xml");
    try (OaiTestServer server = OaiTestServer.replaying(recorded); CatalogueStore store = TestDatabase.catalogue(data)) {
      Harvester.Outcome first = harvest(store, server.baseUrl(), Optional.empty());
      assertThat(first.report().added()).isEqualTo(3);
      assertThat(store.find(new PaperId("1412.8323")).map(Paper::authors)).contains(List.of("Philipp A Hoehn"));

      Harvester.Outcome second = harvest(store, server.baseUrl(), Optional.empty());

      assertThat(server.requests().get(1).query()).containsEntry("from", "2017-12-14");
      assertThat(second.changedCatalogue()).isFalse();
    }
  }
}
