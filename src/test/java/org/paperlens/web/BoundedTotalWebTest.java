package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.search.ManyPapers;
import org.paperlens.testing.Mcp;
import org.paperlens.testing.TestDatabase;

/**
 * Past 1,000 matches a search's total is a lower bound, and every surface says so: the page
 * ("1,000+ papers have all the words"), the API ({@code totalExact: false}) and the MCP tool; under
 * it the count is exact ({@code totalExact: true}). Paging still reaches the last offset.
 */
class BoundedTotalWebTest {

  private static Path dir;
  private static WebFixture web;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("paperlens-bounded");
    try (CatalogueStore store = TestDatabase.catalogue(dir.resolve("data"))) {
      ManyPapers.addTo(store, dir);
    }
    web = new WebFixture(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (web != null) {
      web.close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  @Test
  void the_page_says_1000_plus_past_the_bound_and_the_exact_count_under_it() {
    String over = web.browser().get("/search?q=sparse+graphs&mode=keyword").body();
    assertThat(over).contains("data-testid=\"search-total\">1,000+ papers have all the words<");
    String hybrid = web.browser().get("/search?q=sparse+graphs&mode=hybrid").body();
    assertThat(hybrid).contains(">1,000+ papers have all the words; the list also ranks papers close in meaning<");
    String under = web.browser().get("/search?q=sparse+lattice&mode=keyword").body();
    assertThat(under).contains("data-testid=\"search-total\">110 papers have all the words<");
    String deep = web.browser().get("/search?q=sparse+graphs&mode=keyword&limit=10&page=101").body();
    assertThat(deep).contains("data-testid=\"search-total\">1,011+ papers have all the words<");
  }

  @Test
  void the_api_says_when_the_total_is_a_lower_bound() {
    JsonNode over = ApiTest.ok(web.browser().get("/api/v1/search?q=sparse%20graphs&mode=keyword"));
    assertThat(over.get("total").asInt()).isEqualTo(1_000);
    assertThat(over.get("totalExact").asBoolean()).isFalse();
    assertThat(over.get("totalText").asText()).isEqualTo("1,000+ papers have all the words");
    assertThat(over.get("more").asBoolean()).isTrue();
    JsonNode under = ApiTest.ok(web.browser().get("/api/v1/search?q=sparse%20lattice&mode=keyword"));
    assertThat(under.get("total").asInt()).isEqualTo(ManyPapers.LATTICE);
    assertThat(under.get("totalExact").asBoolean()).isTrue();
    JsonNode deep = ApiTest.ok(web.browser().get("/api/v1/search?q=sparse%20graphs&mode=keyword&limit=10&page=101"));
    assertThat(deep.get("hits")).hasSize(10);
    assertThat(deep.get("hits").get(0).get("rank").asInt()).isEqualTo(1_001);
    assertThat(deep.get("totalExact").asBoolean()).isFalse();
  }

  @Test
  void the_mcp_search_tool_says_when_the_total_is_a_lower_bound() {
    var transport = HttpClientStreamableHttpTransport.builder(web.base).endpoint("/mcp").build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    try {
      client.initialize();
      Map<String, Object> over = Mcp.answer(client, "search", Map.of("query", "sparse graphs", "mode", "keyword"));
      assertThat(over).containsEntry("total", 1_000).containsEntry("totalExact", false);
      Map<String, Object> under = Mcp.answer(client, "search", Map.of("query", "sparse lattice", "mode", "keyword"));
      assertThat(under).containsEntry("total", ManyPapers.LATTICE).containsEntry("totalExact", true);
    } finally {
      client.closeGracefully();
    }
  }
}
