package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.ingest.Listings;
import org.paperlens.ingest.OaiTestServer;
import org.paperlens.web.http.Auth;

/** Submitting a paper the catalogue lacks fetches it from the configured OAI-PMH repository. */
class SubmitFetchTest {

  @Test
  void an_unknown_id_is_fetched_with_get_record_and_a_nonexistent_one_gets_a_clear_message(@TempDir Path dir) throws Exception {
    try (OaiTestServer oai = OaiTestServer.paging(10)) {
      oai.publish(List.of(new Listings.Listing("2402.01234", "Fresh Results on Sparse Retrieval", "We study sparse retrieval.",
          List.of("Ada Lovelace"), List.of("cs.IR"), null, LocalDate.of(2024, 2, 5))), LocalDate.of(2024, 2, 6));
      try (WebFixture web = new WebFixture(dir, oai.baseUrl())) {
        Browser b = web.browser().signUp("fetcher");
        HttpResponse<String> r = b.post("/submit", Map.of("paper", "https://arxiv.org/abs/2402.01234v1", "comment", "new today"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/papers/2402.01234?done=submitted");
        assertThat(b.get("/papers/2402.01234").body()).contains("Fresh Results on Sparse Retrieval", "Ada Lovelace", "new today");
        assertThat(oai.requests()).anySatisfy(q -> assertThat(q.query()).containsEntry("verb", "GetRecord")
            .containsEntry("identifier", "oai:arXiv.org:2402.01234"));
        HttpResponse<String> missing = b.api("POST", "/api/v1/submissions", "{\"paper\":\"2402.09999\"}", Auth.CSRF_HEADER, b.csrf());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Browser.json(missing).get("detail").asText()).contains("arXiv has no paper 2402.09999");
      }
    }
  }

  @Test
  void an_unreachable_repository_gives_a_503_with_a_message(@TempDir Path dir) throws Exception {
    try (WebFixture web = new WebFixture(dir, URI.create("http://127.0.0.1:9/oai"))) {
      Browser b = web.browser().signUp("offline");
      HttpResponse<String> r = b.post("/submit", Map.of("paper", "2402.01234"));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("fetching it failed", "try again later");
    }
  }
}
