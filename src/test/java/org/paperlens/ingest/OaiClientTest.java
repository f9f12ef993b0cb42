package org.paperlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OaiClientTest {

  private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

  @Test
  void retry_after_in_seconds_is_that_many_seconds() {
    assertThat(OaiClient.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
  }

  @Test
  void retry_after_as_an_http_date_is_the_time_until_then_and_never_negative() {
    assertThat(OaiClient.retryAfter("Wed, 21 Oct 2026 07:29:30 GMT", NOW)).contains(Duration.ofSeconds(90));
    assertThat(OaiClient.retryAfter("Wed, 21 Oct 2026 07:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void an_unreadable_retry_after_is_ignored() {
    assertThat(OaiClient.retryAfter("soon", NOW)).isEmpty();
  }

  @Test
  void list_requests_carry_the_encoded_set_and_the_dates_and_resumptions_only_the_token() {
    URI base = URI.create("https://export.arxiv.org/oai2");

    assertThat(OaiClient.listRecords(base, "arXiv", Optional.of("physics:hep-th"),
        Optional.of(LocalDate.of(2026, 1, 2)), Optional.of(LocalDate.of(2026, 1, 3))))
        .hasToString("https://export.arxiv.org/oai2?verb=ListRecords&metadataPrefix=arXiv&set=physics%3Ahep-th"
            + "&from=2026-01-02&until=2026-01-03");
    assertThat(OaiClient.resume(base, "6960423|1001"))
        .hasToString("https://export.arxiv.org/oai2?verb=ListRecords&resumptionToken=6960423%7C1001");
  }
}
