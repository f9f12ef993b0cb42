package org.paperlens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.paperlens.testing.SharedData;

/**
 * Papers in the daily-listing JSON Lines schema, the raw material the test OAI server pages out:
 * the first {@code limit} real ones from {@code ../shared/data/arxiv-cs-listings} when present,
 * else the small sample of our own making in the test resources.
 */
public final class Listings {

  /** One listed paper; {@code day} (first_seen_listing_date) serves as its OAI datestamp. */
  public record Listing(String id, String title, String summary, List<String> authors, List<String> categories,
      String comment, LocalDate day) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private Listings() {}

  public static List<Listing> load(int limit) throws IOException {
    if (SharedData.has("arxiv-cs-listings")) {
      Path dir = Path.of(System.getProperty("paperlens.shared.data"), "arxiv-cs-listings");
      try (var files = Files.list(dir)) {
        Path first = files.filter(f -> f.toString().endsWith(".jsonl.gz")).sorted().findFirst().orElseThrow();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(first))) {
          return read(in, limit);
        }
      }
    }
    try (InputStream in = Listings.class.getResourceAsStream("/fixtures/listings-sample.jsonl")) {
      return read(in, limit);
    }
  }

  private static List<Listing> read(InputStream in, int limit) throws IOException {
    List<Listing> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while (out.size() < limit && (line = r.readLine()) != null) {
      JsonNode n = JSON.readTree(line);
      out.add(new Listing(n.get("id").asText(), n.get("title").asText(), n.get("summary").asText(),
          strings(n.get("authors")), strings(n.get("categories")),
          n.get("comment").isNull() ? null : n.get("comment").asText(),
          LocalDate.parse(n.get("first_seen_listing_date").asText())));
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
