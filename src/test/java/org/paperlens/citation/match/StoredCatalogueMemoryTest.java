package org.paperlens.citation.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.paperlens.citation.match.CatalogueLookup.TitledPaper;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.Paper;
import org.paperlens.testing.SharedData;

/** What {@link StoredCatalogue}'s title index costs in memory, on the real listings (skipped without the shared data). */
class StoredCatalogueMemoryTest {

  @Test
  void the_title_index_of_the_real_listings_takes_a_few_hundred_bytes_a_paper() throws Exception {
    Path listings = SharedData.listings();
    List<String[]> records = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(listings)),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode n = json.readTree(line);
        records.add(new String[] {n.path("id").asText(), n.path("title").asText(), n.path("first_seen_listing_date").asText()});
      }
    }
    // Papers are made during the scan, as the catalogue's scan makes them: what the index keeps of them is counted.
    long before = used();
    Map<TitleKey, List<TitledPaper>> index = StoredCatalogue.index(action -> records.forEach(r ->
        ArxivId.parse(r[0]).ifPresent(id -> action.accept(Paper.builder(id.id()).title(r[1])
            .firstListed(LocalDate.parse(r[2])).source("test").build()))));
    long bytes = used() - before;
    System.out.printf("title index of %d papers (%d keys): %d bytes, %d a paper%n", records.size(), index.size(), bytes,
        bytes / records.size());
    assertThat(records).hasSize(74_728);
    assertThat(index.size()).isGreaterThan(74_000);
    assertThat(bytes / records.size()).isLessThan(600);
  }

  private static long used() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }

}
