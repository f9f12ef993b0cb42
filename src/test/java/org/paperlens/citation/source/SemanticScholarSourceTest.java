package org.paperlens.citation.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.citation.source.Fixtures.T0;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.paperlens.citation.Authorship;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.Lookup;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Tldr;
import org.paperlens.citation.Work;
import org.paperlens.citation.WorkKey;
import org.paperlens.citation.http.FakeTime;
import org.paperlens.citation.http.FetchPolicy;
import org.paperlens.citation.http.StubServer;
import org.paperlens.paper.PaperId;

/** Semantic Scholar's {@code paper/batch}, stood in for by a local server answering with the project's own fixture. */
class SemanticScholarSourceTest {

  static final WorkKey PREPRINT = WorkKey.arxiv("2401.01234");
  static final WorkKey UNKNOWN = WorkKey.arxiv("2401.99999");
  static final WorkKey ARTICLE = WorkKey.doi("10.1234/journal.5678");

  private final FakeTime time = new FakeTime(T0);

  private SemanticScholarSource source(StubServer server, Optional<String> key, FetchPolicy policy) {
    return new SemanticScholarSource(new SemanticScholarSource.Settings(server.base().resolve("/graph/v1"), key, 500, policy), time, time, n -> {});
  }

  @Test
  void a_batch_posts_arxiv_and_doi_ids_and_reads_each_paper_or_null() throws Exception {
    try (StubServer server = new StubServer(StubServer.ok(Fixtures.text("semantic-scholar/batch.json")));
        SemanticScholarSource source = source(server, Optional.of("k3y"), Fixtures.policy())) {
      List<Lookup> out = source.lookup(List.of(PREPRINT, UNKNOWN, ARTICLE));

      StubServer.Seen request = server.seen().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.uri().getPath()).isEqualTo("/graph/v1/paper/batch");
      assertThat(URLDecoder.decode(request.uri().getRawQuery(), StandardCharsets.UTF_8))
          .isEqualTo("fields=externalIds,title,year,venue,citationCount,influentialCitationCount,tldr,authors,"
              + "references.externalIds,references.title,references.year,citations.externalIds,citations.title,citations.year");
      assertThat(new ObjectMapper().readTree(request.body()))
          .isEqualTo(new ObjectMapper().readTree("{\"ids\": [\"arXiv:2401.01234\", \"arXiv:2401.99999\", \"DOI:10.1234/journal.5678\"]}"));
      assertThat(request.apiKey()).isEqualTo("k3y");

      LocalDate today = LocalDate.of(2026, 12, 6);
      Work preprint = new Work(SourceName.SEMANTIC_SCHOLAR,
          new ExternalIds(Optional.of(new Doi("10.48550/arxiv.2401.01234")), Optional.of(new PaperId("2401.01234")),
              Optional.empty(), Optional.of("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")),
          Optional.of("A Made-Up Study of Citation Graphs"), Optional.of(2024), Optional.empty(),
          Optional.of(new CitationCount(42, Optional.of(5), today)), List.of(),
          Optional.of(new Tldr("A study that was never written, of graphs that were never drawn.", SourceName.SEMANTIC_SCHOLAR, "tldr@v2.0.0")),
          new Edges.Listed(List.of(
              new LinkedWork(new ExternalIds(Optional.empty(), Optional.of(new PaperId("1706.03762")), Optional.empty(),
                  Optional.of("0000000000000000000000000000000000000abc")), Optional.of("Attention is All you Need"), Optional.of(2017)),
              new LinkedWork(ExternalIds.NONE, Optional.of("An Unresolved Reference in Some Proceedings"), Optional.empty()))),
          new Edges.Listed(List.of(
              new LinkedWork(new ExternalIds(Optional.of(new Doi("10.1234/later.work.1")), Optional.empty(), Optional.empty(),
                  Optional.of("ffff000000000000000000000000000000000001")), Optional.of("A Later Paper Citing It"), Optional.of(2025)))),
          List.of(new Authorship("Ada Example", Optional.of("1700001"), Optional.empty(), List.of()),
              new Authorship("Bo Sample", Optional.empty(), Optional.empty(), List.of())));
      Work article = new Work(SourceName.SEMANTIC_SCHOLAR,
          new ExternalIds(Optional.of(new Doi("10.1234/journal.5678")), Optional.empty(), Optional.empty(),
              Optional.of("b2c3d4e5f60718293a4b5c6d7e8f901234567890")),
          Optional.of("Invented Results in a Journal"), Optional.of(2021), Optional.of("Journal of Invented Results"),
          Optional.of(new CitationCount(7, Optional.of(0), today)), List.of(), Optional.empty(),
          new Edges.Listed(List.of()), Edges.NOT_GIVEN,
          List.of(new Authorship("Chen Placeholder", Optional.of("1700003"), Optional.empty(), List.of())));
      assertThat(out).containsExactly(new Lookup.Found(PREPRINT, preprint), new Lookup.UnknownId(UNKNOWN),
          new Lookup.Found(ARTICLE, article));
    }
  }

  @Test
  void without_a_key_no_key_header_is_sent() throws Exception {
    try (StubServer server = new StubServer(StubServer.ok("[null]"));
        SemanticScholarSource source = source(server, Optional.empty(), Fixtures.policy())) {
      assertThat(source.lookup(List.of(UNKNOWN))).containsExactly(new Lookup.UnknownId(UNKNOWN));
      assertThat(server.seen().get(0).apiKey()).isNull();
    }
  }

  @Test
  void more_than_500_ids_take_two_requests_a_second_apart() throws Exception {
    FetchPolicy oneASecond = Fixtures.policy().withInterval(Duration.ofSeconds(1)).withMaxBytes(1 << 20);
    try (StubServer server = new StubServer(StubServer.ok(nulls(500)), StubServer.ok(nulls(1)));
        SemanticScholarSource source = source(server, Optional.empty(), oneASecond)) {
      List<WorkKey> keys = IntStream.range(0, 501).mapToObj(i -> WorkKey.arxiv(String.format("2401.%05d", i))).toList();
      assertThat(source.lookup(keys)).hasSize(501).allMatch(l -> l instanceof Lookup.UnknownId);
      assertThat(server.seen()).hasSize(2);
      assertThat(new ObjectMapper().readTree(server.seen().get(0).body()).get("ids")).hasSize(500);
      assertThat(new ObjectMapper().readTree(server.seen().get(1).body()).get("ids").get(0).asText()).isEqualTo("arXiv:2401.00500");
      assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  void an_answer_of_the_wrong_length_is_not_taken_for_the_batch() throws Exception {
    try (StubServer server = new StubServer(StubServer.ok("[null]"));
        SemanticScholarSource source = source(server, Optional.empty(), Fixtures.policy())) {
      assertThat(source.lookup(List.of(PREPRINT, ARTICLE))).allSatisfy(l -> assertThat(l).isInstanceOfSatisfying(
          Lookup.BadResponse.class, b -> assertThat(b.reason()).contains("answered 1 papers for 2 ids")));
      assertThat(server.seen()).hasSize(3);
    }
  }

  @Test
  void a_429_without_retry_after_backs_off_and_a_5xx_run_ends_unavailable() throws Exception {
    try (StubServer server = new StubServer(StubServer.status(429, "{\"message\": \"Too Many Requests\"}"),
        StubServer.ok(Fixtures.text("semantic-scholar/batch.json")));
        SemanticScholarSource source = source(server, Optional.empty(), Fixtures.policy())) {
      assertThat(source.lookup(List.of(PREPRINT, UNKNOWN, ARTICLE)).get(0)).isInstanceOf(Lookup.Found.class);
      assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }
    try (StubServer server = new StubServer(StubServer.status(504, "{\"message\": \"Endpoint request timed out\"}"));
        SemanticScholarSource source = source(server, Optional.empty(), Fixtures.policy())) {
      assertThat(source.lookup(List.of(PREPRINT))).singleElement().isInstanceOfSatisfying(Lookup.SourceUnavailable.class, u -> {
        assertThat(u.source()).isEqualTo(SourceName.SEMANTIC_SCHOLAR);
        assertThat(u.reason()).contains("HTTP 504");
      });
      assertThat(source.unavailableSince()).isPresent();
    }
  }

  @Test
  void a_truncated_batch_is_retried_and_malformed_json_is_a_bad_response() throws Exception {
    String whole = Fixtures.text("semantic-scholar/batch.json");
    try (StubServer server = new StubServer(StubServer.ok(whole.substring(0, 300)), StubServer.ok(whole));
        SemanticScholarSource source = source(server, Optional.empty(), Fixtures.policy())) {
      assertThat(source.lookup(List.of(PREPRINT, UNKNOWN, ARTICLE)).get(2)).isInstanceOf(Lookup.Found.class);
    }
    try (StubServer server = new StubServer(StubServer.ok("[{\"paperId\": \"x\"}] trailing"));
        SemanticScholarSource source = source(server, Optional.empty(), Fixtures.policy())) {
      assertThat(source.lookup(List.of(PREPRINT)).get(0)).isInstanceOf(Lookup.BadResponse.class);
    }
  }

  @Test
  void a_refresh_asks_for_everything_but_the_references() throws Exception {
    try (StubServer server = new StubServer(StubServer.ok(Fixtures.text("semantic-scholar/batch.json")));
        SemanticScholarSource source = source(server, Optional.empty(), Fixtures.policy())) {
      List<Lookup> out = source.lookup(List.of(PREPRINT, UNKNOWN, ARTICLE), org.paperlens.citation.CitationSource.Reading.REFRESH);
      assertThat(URLDecoder.decode(server.seen().get(0).uri().getRawQuery(), StandardCharsets.UTF_8))
          .isEqualTo("fields=externalIds,title,year,venue,citationCount,influentialCitationCount,tldr,authors,"
              + "citations.externalIds,citations.title,citations.year");
      assertThat(out.get(1)).isEqualTo(new Lookup.UnknownId(UNKNOWN));
    }
  }

  @Test
  void a_server_that_never_answers_makes_the_batch_unavailable_after_the_time_limit_and_attempts() throws Exception {
    FetchPolicy quick = Fixtures.policy().withTimeout(Duration.ofMillis(300));
    try (StubServer server = new StubServer(StubServer.silence());
        SemanticScholarSource source = source(server, Optional.empty(), quick)) {
      assertThat(source.lookup(List.of(PREPRINT, ARTICLE))).allSatisfy(l ->
          assertThat(l).isInstanceOfSatisfying(Lookup.SourceUnavailable.class,
              u -> assertThat(u.reason()).contains("no whole response within 0.3 s")));
      assertThat(server.seen()).hasSize(3);
      assertThat(source.unavailableSince()).contains(T0);
    }
  }

  @Test
  void a_retry_after_is_honoured_before_the_batch_is_asked_again() throws Exception {
    try (StubServer server = new StubServer(StubServer.status(429, "{\"message\": \"Too Many Requests\"}", "Retry-After", "12"),
        StubServer.ok(Fixtures.text("semantic-scholar/batch.json")));
        SemanticScholarSource source = source(server, Optional.empty(), Fixtures.policy())) {
      assertThat(source.lookup(List.of(PREPRINT, UNKNOWN, ARTICLE)).get(0)).isInstanceOf(Lookup.Found.class);
      assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
      assertThat(server.seen()).hasSize(2);
    }
  }

  private static String nulls(int n) {
    return IntStream.range(0, n).mapToObj(i -> "null").collect(Collectors.joining(",", "[", "]"));
  }
}
