package org.paperlens.citation.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.citation.source.Fixtures.T0;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperlens.citation.Authorship;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.CitationSource;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.Institution;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.Lookup;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.WorkKey;
import org.paperlens.citation.YearCount;
import org.paperlens.citation.http.FakeTime;
import org.paperlens.citation.http.FetchPolicy;
import org.paperlens.citation.http.StubServer;
import org.paperlens.paper.PaperId;

/** OpenAlex's works API, stood in for by a local server answering in the documented schema. */
class OpenAlexSourceTest {

  static final WorkKey PREPRINT = WorkKey.arxiv("2401.01234");
  static final WorkKey ARTICLE = WorkKey.doi("10.1234/journal.5678");
  static final WorkKey NOWHERE = WorkKey.doi("https://doi.org/10.9999/nowhere");

  private final FakeTime time = new FakeTime(T0);

  private OpenAlexSource source(StubServer server, FetchPolicy policy) {
    return new OpenAlexSource(new OpenAlexSource.Settings(server.base(), Optional.of("k3y"), Optional.of("ops@example.org"), 50, policy),
        time, time, notice -> {});
  }

  @Test
  void a_batch_finds_arxiv_papers_by_their_datacite_doi_and_others_by_doi() throws Exception {
    try (StubServer server = new StubServer(OpenAlexLinksTest.openAlex());
        OpenAlexSource source = source(server, Fixtures.policy())) {
      List<Lookup> found = source.lookup(List.of(PREPRINT, ARTICLE, NOWHERE));

      assertThat(OpenAlexLinksTest.batches(server)).hasSize(1);
      StubServer.Seen request = server.seen().get(0);
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.uri().getPath()).isEqualTo("/works");
      assertThat(URLDecoder.decode(request.uri().getRawQuery(), StandardCharsets.UTF_8)).isEqualTo(
          "filter=doi:10.48550/arxiv.2401.01234|10.1234/journal.5678|10.9999/nowhere"
              + "&select=" + OpenAlexSource.SELECT + "&per-page=100&mailto=ops@example.org&api_key=k3y");

      LocalDate today = LocalDate.of(2026, 12, 6);
      Work preprint = new Work(SourceName.OPENALEX,
          new ExternalIds(Optional.of(new Doi("10.48550/arxiv.2401.01234")), Optional.of(new PaperId("2401.01234")),
              Optional.of("W4390000001"), Optional.empty()),
          Optional.of("A Made-Up Study of Citation Graphs"), Optional.of(2024),
          Optional.empty(), // arXiv is a repository, not a venue
          Optional.of(new CitationCount(42, Optional.empty(), today)),
          List.of(new YearCount(2025, 30), new YearCount(2024, 12)),
          Optional.empty(),
          new Edges.Listed(List.of(
              new LinkedWork(new ExternalIds(Optional.of(new Doi("10.48550/arxiv.1706.03762")), Optional.of(new PaperId("1706.03762")),
                  Optional.of("W2000000001"), Optional.empty()), Optional.of("Attention Is All You Need"), Optional.of(2017)),
              new LinkedWork(new ExternalIds(Optional.of(new Doi("10.1145/3000000.3000002")), Optional.of(new PaperId("1901.00002")),
                  Optional.of("W2000000002"), Optional.empty()), Optional.of("An Invented Conference Paper"), Optional.of(2019)),
              openAlexRef("W2000000003"))), // gone from OpenAlex (merged): the bare id is kept
          new Edges.Listed(List.of(OpenAlexLinksTest.BOTH, OpenAlexLinksTest.OLDER)),
          List.of(
              new Authorship("Ada Example", Optional.of("A5000000001"), Optional.of("0000-0002-1825-0097"),
                  List.of(new Institution("University of Somewhere", Optional.of("I100000001"), Optional.of("https://ror.org/00example1")))),
              new Authorship("Bo Sample", Optional.of("A5000000002"), Optional.empty(), List.of())));
      Work article = new Work(SourceName.OPENALEX,
          new ExternalIds(Optional.of(new Doi("10.1234/journal.5678")), Optional.empty(), Optional.of("W3000000009"), Optional.empty()),
          Optional.of("Invented Results in a Journal"), Optional.of(2021), Optional.of("Journal of Invented Results"),
          Optional.of(new CitationCount(7, Optional.empty(), today)), List.of(), Optional.empty(),
          new Edges.Listed(List.of()), new Edges.Listed(List.of(OpenAlexLinksTest.BOTH)),
          List.of(new Authorship("Chen Placeholder", Optional.of("A5000000003"), Optional.empty(),
              List.of(new Institution("Institute of Testing", Optional.of("I100000002"), Optional.empty())))));
      assertThat(found).containsExactly(
          new Lookup.Found(PREPRINT, preprint), new Lookup.Found(ARTICLE, article), new Lookup.UnknownId(NOWHERE));
      assertThat(source.unavailableSince()).isEmpty();
      // Then one request for the references' own ids and titles, one for the citers of both works
      // (49 citations fit one page, so they share it), newest first.
      assertThat(server.seen()).hasSize(3);
      assertThat(URLDecoder.decode(server.seen().get(1).uri().getRawQuery(), StandardCharsets.UTF_8)).isEqualTo(
          "filter=openalex:W2000000001|W2000000002|W2000000003&select=" + OpenAlexLinks.REFERENCE_SELECT
              + "&per-page=100&mailto=ops@example.org&api_key=k3y");
      assertThat(URLDecoder.decode(server.seen().get(2).uri().getRawQuery(), StandardCharsets.UTF_8)).isEqualTo(
          "filter=cites:W3000000009|W4390000001&select=" + OpenAlexLinks.CITER_SELECT
              + "&per-page=100&sort=publication_date:desc&page=1&mailto=ops@example.org&api_key=k3y");
    }
  }

  /** The waits for retries, leaving out the pacing between requests (the policy's 100 ms). */
  private List<Duration> waits() {
    return time.sleeps().stream().filter(d -> !d.equals(Fixtures.policy().interval())).toList();
  }

  static LinkedWork openAlexRef(String w) {
    return new LinkedWork(ExternalIds.NONE.withOpenAlex(Optional.of(w)), Optional.empty(), Optional.empty());
  }

  @Test
  void long_lists_go_in_batches_paced_by_the_rate_limit() throws Exception {
    String empty = "{\"meta\": {\"count\": 0}, \"results\": []}";
    try (StubServer server = new StubServer(StubServer.ok(empty));
        OpenAlexSource source = source(server, Fixtures.policy())) {
      List<WorkKey> keys = java.util.stream.IntStream.range(0, 120).mapToObj(i -> WorkKey.doi("10.5555/n." + i)).toList();
      List<Lookup> out = source.lookup(keys);
      assertThat(out).hasSize(120).allMatch(l -> l instanceof Lookup.UnknownId);
      assertThat(server.seen()).hasSize(3);
      assertThat(URLDecoder.decode(server.seen().get(2).uri().getRawQuery(), StandardCharsets.UTF_8))
          .startsWith("filter=doi:10.5555/n.100|10.5555/n.101|").contains("|10.5555/n.119&select=");
      // The fake clock stands still during a request, so each request after the first waits the whole interval.
      assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
    }
  }

  @Test
  void a_429_waits_as_long_as_retry_after_asks_in_seconds() throws Exception {
    try (StubServer server = new StubServer(StubServer.status(429, "{\"error\": \"slow down\"}", "Retry-After", "7"),
        OpenAlexLinksTest.openAlex());
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOf(Lookup.Found.class);
      assertThat(waits()).containsExactly(Duration.ofSeconds(7));
      assertThat(OpenAlexLinksTest.batches(server)).hasSize(2);
    }
  }

  @Test
  void a_503_waits_until_the_http_date_retry_after_names() throws Exception {
    try (StubServer server = new StubServer(StubServer.status(503, "", "Retry-After", "Sun, 06 Dec 2026 12:00:30 GMT"),
        OpenAlexLinksTest.openAlex());
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOf(Lookup.Found.class);
      assertThat(waits()).containsExactly(Duration.ofSeconds(30));
    }
  }

  @Test
  void a_403_is_openalex_saying_slow_down() throws Exception {
    try (StubServer server = new StubServer(StubServer.status(403, "{\"error\": \"Rate limit exceeded\"}"),
        OpenAlexLinksTest.openAlex());
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOf(Lookup.Found.class);
      assertThat(waits()).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  void a_retry_after_past_the_longest_wait_leaves_the_source_alone_until_then() throws Exception {
    try (StubServer server = new StubServer(StubServer.status(429, "", "Retry-After", "3600"),
        OpenAlexLinksTest.openAlex());
        OpenAlexSource source = source(server, Fixtures.policy())) {
      Lookup first = source.lookup(List.of(ARTICLE)).get(0);
      assertThat(first).isInstanceOfSatisfying(Lookup.SourceUnavailable.class, u -> {
        assertThat(u.since()).isEqualTo(T0);
        assertThat(u.source()).isEqualTo(SourceName.OPENALEX);
        assertThat(u.reason()).contains("HTTP 429 with Retry-After 3600 s");
      });
      assertThat(time.sleeps()).isEmpty();

      time.advance(Duration.ofMinutes(59));
      assertThat(source.lookup(List.of(ARTICLE, PREPRINT))).allSatisfy(l ->
          assertThat(l).isInstanceOfSatisfying(Lookup.SourceUnavailable.class, u -> assertThat(u.since()).isEqualTo(T0)));
      assertThat(OpenAlexLinksTest.batches(server)).hasSize(1);
      assertThat(source.unavailableSince()).contains(T0);

      time.advance(Duration.ofMinutes(1));
      assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOf(Lookup.Found.class);
      assertThat(OpenAlexLinksTest.batches(server)).hasSize(2);
      assertThat(source.unavailableSince()).isEmpty();
    }
  }

  @Test
  void server_errors_back_off_doubling_then_the_answer_is_used() throws Exception {
    try (StubServer server = new StubServer(StubServer.status(500, "oops"), StubServer.status(502, "bad gateway"),
        OpenAlexLinksTest.openAlex());
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOf(Lookup.Found.class);
      assertThat(waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
  }

  @Test
  void a_source_that_keeps_failing_is_unavailable_since_its_first_failure_and_not_asked_during_the_cool_down() throws Exception {
    try (StubServer server = new StubServer(StubServer.status(503, "maintenance"));
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(ARTICLE, NOWHERE))).allSatisfy(l ->
          assertThat(l).isInstanceOfSatisfying(Lookup.SourceUnavailable.class, u -> {
            assertThat(u.since()).isEqualTo(T0);
            assertThat(u.reason()).contains("after 3 attempts").contains("HTTP 503");
          }));
      assertThat(waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(OpenAlexLinksTest.batches(server)).hasSize(3);

      time.advance(Duration.ofMinutes(5));
      // During the cool-down the answer comes without a request and without a (fake) sleep.
      assertThat(source.lookup(List.of(PREPRINT)).get(0)).isInstanceOf(Lookup.SourceUnavailable.class);
      assertThat(OpenAlexLinksTest.batches(server)).hasSize(3);
      assertThat(waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
  }

  @Test
  void a_server_that_never_answers_is_given_up_on_after_the_time_limit() throws Exception {
    FetchPolicy quick = Fixtures.policy().withTimeout(Duration.ofMillis(300));
    try (StubServer server = new StubServer(StubServer.silence());
        OpenAlexSource source = source(server, quick)) {
      Lookup out = source.lookup(List.of(ARTICLE)).get(0);
      assertThat(out).isInstanceOfSatisfying(Lookup.SourceUnavailable.class, u -> {
        assertThat(u.since()).isEqualTo(T0);
        assertThat(u.reason()).contains("no whole response within 0.3 s");
      });
      assertThat(OpenAlexLinksTest.batches(server)).hasSize(3);
    }
  }

  @Test
  void a_body_that_stops_coming_after_the_headers_is_cut_at_the_time_limit() throws Exception {
    FetchPolicy quick = Fixtures.policy().withTimeout(Duration.ofMillis(300));
    try (StubServer server = new StubServer(StubServer.stall("{\"results\": ["), OpenAlexLinksTest.openAlex());
        OpenAlexSource source = source(server, quick)) {
      assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOf(Lookup.Found.class);
      assertThat(waits()).containsExactly(Duration.ofSeconds(1));
      assertThat(OpenAlexLinksTest.batches(server)).hasSize(2);
    }
  }

  @Test
  void a_truncated_answer_is_asked_again_and_the_whole_one_used() throws Exception {
    String whole = Fixtures.text("openalex/works-batch.json");
    try (StubServer server = new StubServer(StubServer.ok(whole.substring(0, whole.length() / 2)), StubServer.ok(whole));
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(PREPRINT)).get(0)).isInstanceOf(Lookup.Found.class);
      assertThat(waits()).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  void json_that_stays_malformed_is_a_bad_response_not_an_outage() throws Exception {
    try (StubServer server = new StubServer(StubServer.ok("{\"results\": {\"id\": \"not a list\"}}"));
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOfSatisfying(Lookup.BadResponse.class,
          b -> assertThat(b.reason()).contains("after 3 attempts").contains("has a 'results' array; this one has none"));
      assertThat(source.unavailableSince()).isEmpty();
    }
    try (StubServer server = new StubServer(StubServer.ok("<html>Service temporarily moved</html>"));
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOf(Lookup.BadResponse.class);
    }
  }

  @Test
  void a_work_off_its_schema_makes_the_answer_unusable() throws Exception {
    String off = "{\"results\": [{\"id\": \"https://openalex.org/W1\", \"referenced_works\": \"W2\"}]}";
    try (StubServer server = new StubServer(StubServer.ok(off));
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOfSatisfying(Lookup.BadResponse.class,
          b -> assertThat(b.reason()).contains("referenced_works must be an array"));
    }
  }

  @Test
  void an_oversized_body_is_refused_at_once_whether_its_length_is_declared_or_not() throws Exception {
    String big = "{\"results\": [], \"padding\": \"" + "x".repeat(100_000) + "\"}";
    for (StubServer.Reply reply : List.of(StubServer.ok(big), StubServer.chunked(big))) {
      try (StubServer server = new StubServer(reply);
          OpenAlexSource source = source(server, Fixtures.policy())) {
        assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOfSatisfying(Lookup.BadResponse.class,
            b -> assertThat(b.reason()).contains("larger than 65,536 bytes"));
        assertThat(OpenAlexLinksTest.batches(server)).hasSize(1);
        assertThat(source.unavailableSince()).isEmpty();
      }
    }
  }

  @Test
  void a_refusal_is_a_bad_response_quoting_the_server() throws Exception {
    try (StubServer server = new StubServer(StubServer.status(400, "{\"error\": \"Invalid query parameters error.\"}"));
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(ARTICLE)).get(0)).isInstanceOfSatisfying(Lookup.BadResponse.class,
          b -> assertThat(b.reason()).contains("HTTP 400").contains("Invalid query parameters error."));
      assertThat(OpenAlexLinksTest.batches(server)).hasSize(1);
    }
  }
}
