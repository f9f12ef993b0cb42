package org.paperlens.citation.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.citation.source.Fixtures.T0;
import static org.paperlens.citation.source.OpenAlexSourceTest.PREPRINT;
import static org.paperlens.citation.source.OpenAlexSourceTest.ARTICLE;
import static org.paperlens.citation.source.OpenAlexSourceTest.openAlexRef;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.CitationSource;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.Lookup;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.http.FakeTime;
import org.paperlens.citation.http.FetchPolicy;
import org.paperlens.citation.http.StubServer;
import org.paperlens.paper.PaperId;

/**
 * What an OpenAlex work does not say in itself: its references' ids and titles, and its citers
 * (OpenAlexLinks), through a local server answering in the documented schema.
 */
class OpenAlexLinksTest {

  private final FakeTime time = new FakeTime(T0);

  private OpenAlexSource source(StubServer server, FetchPolicy policy) {
    return new OpenAlexSource(new OpenAlexSource.Settings(server.base(), Optional.of("k3y"), Optional.of("ops@example.org"), 50, policy),
        time, time, notice -> {});
  }

  static final LinkedWork BOTH = new LinkedWork(new ExternalIds(Optional.of(new Doi("10.48550/arxiv.2511.00002")),
      Optional.of(new PaperId("2511.00002")), Optional.of("W5000000002"), Optional.empty()),
      Optional.of("A Newer Paper Citing Both"), Optional.of(2025));
  static final LinkedWork OLDER = new LinkedWork(new ExternalIds(Optional.empty(), Optional.of(new PaperId("2405.00001")),
      Optional.of("W5000000001"), Optional.empty()), Optional.of("An Older Paper Citing the Preprint"), Optional.of(2024));

  /**
   * OpenAlex as the fixtures describe it: the batch for a DOI filter, the referenced works for an
   * id filter ({@code openalex:}), their citers for {@code cites:}.
   */
  static StubServer.Reply openAlex() {
    return (ex, closing) -> {
      String q = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
      String body = q.startsWith("filter=openalex:") ? Fixtures.text("openalex/referenced-works.json")
          : q.startsWith("filter=cites:") ? Fixtures.text("openalex/citers.json")
          : Fixtures.text("openalex/works-batch.json");
      StubServer.ok(body).send(ex, closing);
    };
  }

  /** The requests for the works themselves (DOI filters), leaving out those for their links. */
  static List<StubServer.Seen> batches(StubServer server) {
    return server.seen().stream()
        .filter(r -> URLDecoder.decode(r.uri().getRawQuery(), StandardCharsets.UTF_8).startsWith("filter=doi:")).toList();
  }


  @Test
  void a_refresh_leaves_the_references_out_and_still_lists_the_citers() throws Exception {
    try (StubServer server = new StubServer(openAlex());
        OpenAlexSource source = source(server, Fixtures.policy())) {
      List<Lookup> found = source.lookup(List.of(PREPRINT), CitationSource.Reading.REFRESH);

      assertThat(server.seen()).hasSize(2);
      assertThat(URLDecoder.decode(server.seen().get(0).uri().getRawQuery(), StandardCharsets.UTF_8))
          .contains("&select=" + OpenAlexSource.SELECT.replace(",referenced_works", "") + "&");
      assertThat(URLDecoder.decode(server.seen().get(1).uri().getRawQuery(), StandardCharsets.UTF_8)).startsWith("filter=cites:W4390000001&");
      // The stub sends referenced_works anyway; a refresh does not read them.
      assertThat(found.get(0)).isInstanceOfSatisfying(Lookup.Found.class, f -> {
        assertThat(f.work().references()).isEqualTo(Edges.NOT_GIVEN);
        assertThat(f.work().citations().listed()).containsExactly(BOTH, OLDER);
      });
    }
  }

  @Test
  void a_source_that_goes_down_while_the_references_are_read_fails_the_whole_batch() throws Exception {
    StubServer.Reply downForLinks = (ex, closing) -> {
      if (ex.getRequestURI().getRawQuery().startsWith("filter=doi")) {
        openAlex().send(ex, closing);
      } else {
        StubServer.status(500, "down").send(ex, closing);
      }
    };
    try (StubServer server = new StubServer(downForLinks);
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(PREPRINT, ARTICLE))).allSatisfy(l ->
          assertThat(l).isInstanceOfSatisfying(Lookup.SourceUnavailable.class, u -> assertThat(u.reason()).contains("HTTP 500")));
      assertThat(source.unavailableSince()).isPresent();
    }
  }

  @Test
  void an_unusable_answer_about_the_links_keeps_the_bare_ids_and_gives_no_citers() throws Exception {
    StubServer.Reply badLinks = (ex, closing) -> {
      if (ex.getRequestURI().getRawQuery().startsWith("filter=doi")) {
        openAlex().send(ex, closing);
      } else {
        StubServer.status(400, "{\"error\": \"Invalid filter\"}").send(ex, closing);
      }
    };
    try (StubServer server = new StubServer(badLinks);
        OpenAlexSource source = source(server, Fixtures.policy())) {
      assertThat(source.lookup(List.of(PREPRINT)).get(0)).isInstanceOfSatisfying(Lookup.Found.class, f -> {
        assertThat(f.work().references().listed()).containsExactly(openAlexRef("W2000000001"), openAlexRef("W2000000002"),
            openAlexRef("W2000000003"));
        assertThat(f.work().citations()).isEqualTo(Edges.NOT_GIVEN);
      });
    }
  }

  @Test
  void a_much_cited_work_has_its_citers_read_alone_two_pages_at_most_and_uncited_works_cost_nothing() throws Exception {
    Work many = work("W1", 5_000);
    Work few = work("W2", 60);
    Work some = work("W3", 30);
    Work none = work("W4", 0);
    assertThat(OpenAlexLinks.groups(List.of(many, few, some, none))).containsExactly(List.of(some, few), List.of(many));
    assertThat(OpenAlexLinks.groups(List.of(work("W5", 70), work("W6", 40)))).hasSize(2);

    StringBuilder page = new StringBuilder("{\"meta\": {}, \"results\": [");
    for (int i = 0; i < 100; i++) {
      page.append(i == 0 ? "" : ",").append("{\"id\": \"https://openalex.org/W9").append(i)
          .append("\", \"referenced_works\": [\"https://openalex.org/W1\"]}");
    }
    page.append("]}");
    try (StubServer server = new StubServer(StubServer.ok(page.toString()));
        OpenAlexSource source = source(server, Fixtures.policy())) {
      OpenAlexLinks links = new OpenAlexLinks(
          new OpenAlexSource.Settings(server.base(), Optional.empty(), Optional.empty(), 50, Fixtures.policy()),
          new org.paperlens.citation.http.PoliteClient("OpenAlex", Fixtures.policy(), time, time, n -> {}));
      var out = links.citers(List.of(many), LocalDate.of(2026, 12, 6));
      assertThat(out).isInstanceOfSatisfying(OpenAlexLinks.Outcome.Done.class,
          d -> assertThat(((java.util.Map<?, ?>) d.value()).get("W1")).asList().hasSize(OpenAlexLinks.CITERS_CAP));
      assertThat(server.seen()).hasSize(2);
      assertThat(server.seen().get(1).uri().getRawQuery()).contains("&page=2");
    }
  }

  private static Work work(String id, int citations) {
    return new Work(SourceName.OPENALEX, ExternalIds.NONE.withOpenAlex(Optional.of(id)), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(new CitationCount(citations, Optional.empty(), LocalDate.of(2026, 12, 6))), List.of(),
        Optional.empty(), Edges.NOT_GIVEN, Edges.NOT_GIVEN, List.of());
  }

}
