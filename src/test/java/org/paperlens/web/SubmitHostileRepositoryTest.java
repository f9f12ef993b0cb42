package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.ingest.Listings;
import org.paperlens.ingest.OaiTestServer;
import org.paperlens.web.http.Auth;

/**
 * Submitting a paper while the repository it is fetched from misbehaves (issue 12): people see
 * that the fetch failed or is under way, never the repository's address or its answer, and a
 * repository that hangs holds no web request (the time bound only proves nothing hung).
 */
class SubmitHostileRepositoryTest {

  private static final Duration DID_NOT_HANG = Duration.ofSeconds(60);

  private static List<Listings.Listing> papers() {
    return List.of(
        new Listings.Listing("2402.01234", "Fresh Results", "We study.", List.of("Ada Lovelace"), List.of("cs.IR"), null,
            LocalDate.of(2024, 2, 5)),
        new Listings.Listing("2402.05678", "Other Results", "We study too.", List.of("Alan Turing"), List.of("cs.IR"), null,
            LocalDate.of(2024, 2, 5)));
  }

  @Test
  void a_failed_fetch_says_so_without_the_repository_address_or_its_answer(@TempDir Path dir) throws Exception {
    try (OaiTestServer oai = OaiTestServer.paging(10)) {
      oai.publish(papers(), LocalDate.of(2024, 2, 6));
      oai.failNext(400, 400);
      try (WebFixture web = new WebFixture(dir, oai.baseUrl())) {
        Browser b = web.browser().signUp("refused");

        HttpResponse<String> page = b.post("/submit", Map.of("paper", "2402.01234"));
        HttpResponse<String> api = b.api("POST", "/api/v1/submissions", "{\"paper\":\"2402.05678\"}", Auth.CSRF_HEADER, b.csrf());

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(api.statusCode()).isEqualTo(503);
        for (String body : List.of(page.body(), api.body())) {
          assertThat(body).contains("fetching it failed", "try again later")
              .doesNotContain(Integer.toString(oai.baseUrl().getPort()), "/oai2", "GetRecord", "scripted failure", "HTTP 400");
        }
      }
    }
  }

  @Test
  void a_hung_repository_holds_neither_the_submitting_request_nor_another_members(@TempDir Path dir) throws Exception {
    try (OaiTestServer oai = OaiTestServer.paging(10)) {
      oai.publish(papers(), LocalDate.of(2024, 2, 6));
      oai.delayEachPage(Duration.ofMinutes(10));
      try (WebFixture web = new WebFixture(dir, oai.baseUrl())) {
        Browser first = web.browser().signUp("patient");
        Browser second = web.browser().signUp("impatient");

        List<HttpResponse<String>> answers = assertTimeoutPreemptively(DID_NOT_HANG, () -> {
          CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> post(first, "2402.01234"));
          CompletableFuture<HttpResponse<String>> c = CompletableFuture.supplyAsync(() -> post(second, "2402.05678"));
          return List.of(a.join(), c.join());
        });

        assertThat(answers).allSatisfy(r -> {
          assertThat(r.statusCode()).isEqualTo(503);
          assertThat(r.body()).contains("is being fetched").doesNotContain("/oai2");
        });
      }
    }
  }

  private static HttpResponse<String> post(Browser b, String id) {
    try {
      return b.post("/submit", Map.of("paper", id));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
