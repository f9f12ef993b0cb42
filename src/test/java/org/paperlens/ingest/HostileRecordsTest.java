package org.paperlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.ingest.TestInputs.importPaths;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;

/**
 * Records that are well-formed but hostile or wrong (issue 12): control characters, impossible
 * dates, fields of the wrong JSON type, fields far larger than any real paper's. Each is skipped
 * and reported, or normalised, and the records around it are imported.
 */
class HostileRecordsTest {

  @TempDir Path dir;

  private static final String GOOD = listing("2501.00001", "\"A Good Paper\"", "\"Fine.\"", "[\"cs.LG\"]", "\"2025-01-02\"");

  private static String listing(String id, String title, String summary, String categories, String listed) {
    return "{\"id\":\"" + id + "\",\"title\":" + title + ",\"summary\":" + summary + ",\"authors\":[\"Ann Example\"],"
        + "\"categories\":" + categories + ",\"first_seen_listing_date\":" + listed + "}\n";
  }

  private ImportReport importText(CatalogueStore store, String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return importPaths(store, file);
  }

  @Test
  void a_title_with_a_nul_and_other_control_characters_is_imported_without_them() throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dir.resolve("data"))) {
      ImportReport report = importText(store, "nul.jsonl",
          listing("2501.00002", "\"Nul\\u0000 in the \\u001b[31mtitle\"", "\"Bell\\u0007 and\\ttab\"", "[\"cs.LG\"]", "\"2025-01-02\""));

      assertThat(report.added()).isEqualTo(1);
      assertThat(store.find(new PaperId("2501.00002")).orElseThrow().title()).isEqualTo("Nul in the [31mtitle");
      assertThat(store.find(new PaperId("2501.00002")).orElseThrow().abstractText()).isEqualTo("Bell and tab");
    }
  }

  @Test
  void impossible_dates_are_malformed_records() throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dir.resolve("data"))) {
      ImportReport report = importText(store, "dates.jsonl", GOOD
          + listing("2501.00003", "\"Far Future\"", "\"x\"", "[\"cs.LG\"]", "\"+999999999-12-31\"")
          + listing("2501.00004", "\"Long Ago\"", "\"x\"", "[\"cs.LG\"]", "\"1066-10-14\"")
          + listing("2501.00005", "\"Next Decade\"", "\"x\"", "[\"cs.LG\"]", "\"2099-01-01\""));

      assertThat(report.added()).isEqualTo(1);
      assertThat(report.skipped()).isEqualTo(3);
      assertThat(report.problems()).extracting(ImportReport.Problem::where)
          .containsExactly(file("dates.jsonl") + ":2", file("dates.jsonl") + ":3", file("dates.jsonl") + ":4");
      assertThat(report.problems()).allSatisfy(p -> assertThat(p.reason()).contains("impossible listing date"));
      assertThat(store.find(new PaperId("2501.00003"))).isEmpty();
    }
  }

  @Test
  void fields_of_the_wrong_json_type_are_malformed_records_not_empty_values() throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dir.resolve("data"))) {
      ImportReport report = importText(store, "types.jsonl", GOOD
          + listing("2501.00006", "\"Summary As Array\"", "[\"a\",\"b\"]", "[\"cs.LG\"]", "\"2025-01-02\"")
          + listing("2501.00007", "\"Categories As String\"", "\"x\"", "\"cs.LG cs.AI\"", "\"2025-01-02\"")
          + listing("2501.00008", "{\"text\":\"Title As Object\"}", "\"x\"", "[\"cs.LG\"]", "\"2025-01-02\""));

      assertThat(report.added()).isEqualTo(1);
      assertThat(report.problems()).extracting(ImportReport.Problem::reason).containsExactly(
          "'summary' should be a string, not an array",
          "'categories' should be a list of strings, not a string",
          "'title' should be a string, not an object");
      assertThat(store.count()).isEqualTo(1);
    }
  }

  @Test
  void beir_fields_of_the_wrong_type_are_malformed_records() throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dir.resolve("data"))) {
      ImportReport report = importText(store, "corpus.jsonl", """
          {"_id":"1","title":"Fine","text":"Fine text."}
          {"_id":"2","title":"Text As List","text":["a"]}
          {"_id":"3","title":["Title As List"],"text":"x"}
          """);

      assertThat(report.added()).isEqualTo(1);
      assertThat(report.skipped()).isEqualTo(2);
    }
  }

  @Test
  void an_oai_record_with_a_megabyte_title_or_a_25_megabyte_abstract_is_skipped_and_reported() throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dir.resolve("data"))) {
      ImportReport report = importText(store, "page.xml", "<?xml version=\"1.0\"?>\n"
          + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-03-10T00:00:01Z</responseDate><ListRecords>\n"
          + oaiRecord("2603.00201", "Fine", "Fine.")
          + oaiRecord("2603.00202", "T".repeat(1_000_000), "Fine.")
          + oaiRecord("2603.00203", "Huge Abstract", "a ".repeat(12_500_000))
          + "</ListRecords></OAI-PMH>\n");

      assertThat(report.added()).isEqualTo(1);
      assertThat(report.problems()).extracting(ImportReport.Problem::where)
          .containsExactly(file("page.xml") + "#oai:arXiv.org:2603.00202", file("page.xml") + "#oai:arXiv.org:2603.00203");
      assertThat(report.problems().get(0).reason()).contains("title is longer than 2,000 characters");
      assertThat(report.problems().get(1).reason()).contains("larger than");
      assertThat(store.count()).isEqualTo(1);
    }
  }

  @Test
  void an_atom_entry_with_a_huge_summary_and_a_beir_text_over_the_limit_are_skipped() throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(dir.resolve("data"))) {
      ImportReport atom = importText(store, "feed.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <feed xmlns="http://www.w3.org/2005/Atom">
          <entry><id>http://arxiv.org/abs/2501.00009v1</id><title>Huge Summary</title><summary>%s</summary></entry>
          <entry><id>http://arxiv.org/abs/2501.00010v1</id><title>Fine</title><summary>Fine.</summary></entry>
          </feed>
          """.formatted("b ".repeat(3_000_000)));
      ImportReport beir = importText(store, "corpus.jsonl", "{\"_id\":\"1\",\"title\":\"Long\",\"text\":\"" + "c".repeat(200_000) + "\"}\n"
          + "{\"_id\":\"2\",\"title\":\"Fine\",\"text\":\"Fine.\"}\n");

      assertThat(atom.added()).isEqualTo(1);
      assertThat(atom.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("larger than"));
      assertThat(beir.added()).isEqualTo(1);
      assertThat(beir.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("abstract is longer than 100,000"));
    }
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  private static String oaiRecord(String id, String title, String abstractText) {
    return "<record><header><identifier>oai:arXiv.org:" + id + "</identifier><datestamp>2026-03-02</datestamp></header>"
        + "<metadata><arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><id>" + id + "</id><created>2026-03-01</created>"
        + "<title>" + title + "</title><abstract>" + abstractText + "</abstract></arXiv></metadata></record>\n";
  }
}
