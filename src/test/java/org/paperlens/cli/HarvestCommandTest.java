package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.ingest.Listings;
import org.paperlens.ingest.OaiTestServer;

class HarvestCommandTest {

  private static List<Listings.Listing> papers;
  private static LocalDate lastDay;

  @TempDir
  Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void loadListings() throws IOException {
    papers = Listings.load(300);
    lastDay = papers.stream().map(Listings.Listing::day).max(LocalDate::compareTo).orElseThrow();
  }

  private int harvest(OaiTestServer server, String... extra) {
    List<String> args = new ArrayList<>(List.of("--data", data.toString(), "harvest", "arxiv",
        "--base-url", server.baseUrl().toString(), "--delay-ms", "0", "--max-retries", "1"));
    args.addAll(List.of(extra));
    return Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void a_harvest_that_adds_papers_exits_0_and_one_that_finds_nothing_new_exits_1() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(100)) {
      server.publish(papers, lastDay);

      assertThat(harvest(server)).as(err.toString()).isZero();
      assertThat(out.toString()).contains(String.format("read %,d: new %,d,", papers.size(), papers.size()));

      assertThat(harvest(server)).as("the same day again: all unchanged").isEqualTo(1);
      assertThat(out.toString()).contains("new 0, updated 0");
    }
  }

  @Test
  void no_records_matching_the_range_exits_1() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(100)) {
      server.publish(papers, lastDay);

      assertThat(harvest(server, "--from", lastDay.plusDays(1).toString())).isEqualTo(1);
      assertThat(err.toString()).contains("nothing new");
    }
  }

  @Test
  void a_server_that_refuses_exits_5_with_the_reason() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(100)) {
      server.publish(papers, lastDay);
      server.failNext(403);

      assertThat(harvest(server)).isEqualTo(5);
      assertThat(err.toString()).contains("paperlens: remote source failed: ").contains("HTTP 403");
    }
  }

  @Test
  void an_oai_error_other_than_no_records_match_exits_5_naming_the_error() throws IOException {
    try (OaiTestServer server = OaiTestServer.replaying(Path.of("src/test/resources/fixtures/oai/error-bad-argument.xml"))) {
      assertThat(harvest(server)).isEqualTo(5);
      assertThat(err.toString()).contains("OAI-PMH error badArgument (Illegal argument 'colour')");
    }
  }

  @Test
  void dates_in_the_wrong_order_or_an_unknown_metadata_format_are_bad_usage() throws IOException {
    try (OaiTestServer server = OaiTestServer.paging(100)) {
      assertThat(harvest(server, "--from", "2026-02-01", "--until", "2026-01-01")).isEqualTo(2);
      assertThat(err.toString()).contains("until 2026-01-01 is before from 2026-02-01");
      assertThat(harvest(server, "--metadata-prefix", "marc21")).isEqualTo(2);
      assertThat(err.toString()).contains("unsupported --metadata-prefix 'marc21'");
      assertThat(server.requests()).isEmpty();
    }
  }
}
