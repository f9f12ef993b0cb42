package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paperlens.testing.Mcp.answer;
import static org.paperlens.testing.Mcp.error;
import static org.paperlens.testing.Mcp.ids;
import static org.paperlens.testing.Mcp.list;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.account.Account;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Mcp;

/**
 * The MCP server inside {@code serve}, at /mcp over Streamable HTTP, driven by the SDK's own client
 * against a real server on the search fixture (11 papers, topic vectors): every tool, the library
 * with and without a member's token, and the HTTP answers around the protocol (a wrong token, a
 * foreign origin, an oversized body).
 */
@Timeout(120) // a guard against hanging, not a speed target
class McpHttpTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  private static McpSyncClient anonymous;
  private static McpSyncClient member;
  private static String token;

  @BeforeAll
  static void connect() {
    Account reader = web.root.accounts().signUp("agent-owner", "a long enough password");
    token = web.root.accounts().newApiToken(reader, "mcp");
    Account voter = web.root.accounts().signUp("voter", "a long enough password");
    web.root.community().upvote(voter, new PaperId("2401.00104"));
    anonymous = client(null);
    member = client(token);
  }

  @AfterAll
  static void disconnect() {
    for (McpSyncClient c : new McpSyncClient[] {anonymous, member}) {
      if (c != null) {
        c.closeGracefully();
      }
    }
  }

  static McpSyncClient client(String bearer) {
    var transport = HttpClientStreamableHttpTransport.builder(web.base).endpoint("/mcp");
    if (bearer != null) {
      transport.httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + bearer));
    }
    McpSyncClient c = McpClient.sync(transport.build()).requestTimeout(Duration.ofSeconds(60)).build();
    c.initialize();
    return c;
  }

  @Test
  void a_client_sees_the_nine_tools_with_their_schemas_and_the_server_named() {
    Mcp.assertTools(anonymous);
    assertThat(anonymous.getServerInfo().name()).isEqualTo("paperlens");
    assertThat(anonymous.getServerInstructions()).contains("search", "library");
  }

  @Test
  void search_finds_papers_by_keyword_and_by_meaning_with_marked_snippets() {
    Map<String, Object> words = answer(anonymous, "search", Map.of("query", "solubility toxicity", "mode", "keyword", "limit", 5));
    assertThat(ids(words, "hits")).first().isEqualTo("2401.00101");
    assertThat(words).containsEntry("mode", "keyword").containsEntry("sort", "relevance");
    assertThat((String) list(words, "hits").getFirst().get("snippet")).contains("**");
    assertThat(list(words, "hits").getFirst()).containsEntry("url", "https://arxiv.org/abs/2401.00101");

    Map<String, Object> meaning = answer(anonymous, "search", Map.of("query", "chemistry of molecules", "mode", "semantic", "limit", 3));
    assertThat(ids(meaning, "hits")).containsExactly("2401.00101", "2401.00105", "2401.00109");

    Map<String, Object> filtered = answer(anonymous, "search", Map.of("query", "learning", "mode", "keyword",
        "categories", List.of("cs.RO")));
    assertThat(ids(filtered, "hits")).containsExactly("2401.00103");
  }

  @Test
  void a_query_that_does_not_parse_or_a_bad_argument_is_a_tool_error_that_says_why() {
    assertThat(error(anonymous, "search", Map.of("query", "\"unbalanced quote", "mode", "keyword")))
        .contains("could not be read", "unbalanced quote");
    assertThat(error(anonymous, "search", Map.of("query", "x", "limit", 500))).containsIgnoringCase("limit");
    assertThat(error(anonymous, "search", Map.of("query", "x", "mode", "psychic"))).contains("mode");
    assertThat(error(anonymous, "search", Map.of("query", "x", "lmit", 5))).contains("lmit");
    assertThat(error(anonymous, "search", Map.of("query", "x", "from", "2024-02-31"))).contains("from");
    // The server is still there for the next call.
    assertThat(answer(anonymous, "search", Map.of("query", "robot"))).containsKey("hits");
  }

  @Test
  void paper_gives_the_abstract_links_votes_and_a_bibtex_entry() {
    Map<String, Object> p = answer(anonymous, "paper", Map.of("id", "arXiv:2401.00102v1"));
    assertThat(p).containsEntry("id", "2401.00102").containsEntry("title", "Sparse Attention for Long Documents")
        .containsEntry("url", "https://arxiv.org/abs/2401.00102").containsEntry("pdfUrl", "https://arxiv.org/pdf/2401.00102")
        .containsKey("abstract").containsEntry("upvotes", 0);
    assertThat(list(p, "codeLinks")).extracting(l -> l.get("url")).contains("https://huggingface.co/jsmith/sparse-attn");
    assertThat((String) p.get("bibtex")).startsWith("@").contains("2401.00102");
    assertThat(p).doesNotContainKey("citationCount"); // no citation source counted it: absent, not 0

    assertThat(error(anonymous, "paper", Map.of("id", "2401.99999"))).contains("No paper 2401.99999", "search");
  }

  @Test
  void related_papers_come_with_their_reasons() {
    Map<String, Object> r = answer(anonymous, "related", Map.of("id", "2401.00101", "k", 3));
    assertThat(r).containsEntry("id", "2401.00101");
    assertThat(list(r, "related")).hasSize(3).allSatisfy(x -> assertThat((String) x.get("reason")).isNotBlank());
    assertThat(ids(r, "related")).doesNotContain("2401.00101").contains("2401.00105");
    assertThat(error(anonymous, "related", Map.of("id", "2401.99999"))).contains("2401.99999");
  }

  @Test
  void recommendations_follow_the_liked_papers() {
    Map<String, Object> r = answer(anonymous, "recommend", Map.of("liked", List.of("2401.00101", "2401.00105"),
        "disliked", List.of("2401.00102"), "since", 3650, "k", 3));
    assertThat(ids(r, "recommendations")).first().isEqualTo("2401.00109");
    assertThat(list(r, "recommendations")).allSatisfy(x -> assertThat((String) x.get("reason")).isNotBlank());
    assertThat(error(anonymous, "recommend", Map.of("liked", List.of("2401.99999")))).contains("2401.99999");
  }

  @Test
  void daily_lists_the_newest_day_and_a_given_one_with_a_category() {
    Map<String, Object> newest = answer(anonymous, "daily", Map.of());
    assertThat((Integer) newest.get("total")).isPositive();
    assertThat(list(newest, "papers")).allSatisfy(p -> assertThat(p.get("date")).isEqualTo(newest.get("date")));
    Map<String, Object> day = answer(anonymous, "daily", Map.of("date", "2024-01-03", "category", "cs.LG"));
    assertThat(day).containsEntry("date", "2024-01-03").containsEntry("category", "cs.LG");
    assertThat(ids(day, "papers")).contains("2401.00101");
    assertThat(list(day, "papers")).allSatisfy(p -> assertThat((String) p.get("summary")).isNotBlank());
  }

  @Test
  void trending_ranks_what_members_upvoted() {
    Map<String, Object> t = answer(anonymous, "trending", Map.of("limit", 5));
    assertThat(t).containsEntry("list", "trending").containsEntry("window", "week").containsKey("formula").doesNotContainKey("why");
    assertThat(ids(t, "papers")).first().isEqualTo("2401.00104");
    assertThat(list(t, "papers").getFirst()).containsEntry("upvotes", 1);
  }

  @Test
  void the_library_tools_without_a_token_say_how_to_get_one() {
    for (String tool : List.of("library_list", "library_add", "library_remove")) {
      Map<String, Object> args = tool.equals("library_list") ? Map.of() : Map.of("id", "2401.00101");
      assertThat(error(anonymous, tool, args)).contains("API token", "Authorization: Bearer", "/api/v1/tokens");
    }
  }

  @Test
  void a_member_with_a_token_saves_lists_and_removes_papers() {
    Map<String, Object> saved = answer(member, "library_add", Map.of("id", "2401.00106", "tags", List.of("RAG", "to read")));
    assertThat(saved).containsEntry("saved", true).containsEntry("tags", List.of("rag", "to read"));
    Map<String, Object> lib = answer(member, "library_list", Map.of());
    assertThat(lib).containsEntry("member", "agent-owner");
    assertThat(ids(lib, "papers")).contains("2401.00106");
    assertThat(answer(member, "library_list", Map.of("tag", "rag"))).satisfies(l -> assertThat(ids(l, "papers")).containsExactly("2401.00106"));
    assertThat(answer(member, "library_remove", Map.of("id", "2401.00106"))).containsEntry("removed", true);
    assertThat(error(member, "library_remove", Map.of("id", "2401.00106"))).contains("not in your library");
    assertThat(error(member, "library_add", Map.of("id", "2401.99999"))).contains("No paper 2401.99999");
  }

  @Test
  void a_wrong_token_is_refused_with_401_and_www_authenticate() throws Exception {
    HttpResponse<String> r = post(Map.of("Authorization", "Bearer not-a-token"), initialize());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer").contains("invalid_token");
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    assertThat(r.body()).contains("\"status\":401", "not valid");
    assertThatThrownBy(() -> client("not-a-token")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void a_browser_page_from_another_origin_is_refused_and_the_site_itself_is_not() throws Exception {
    assertThat(post(Map.of("Origin", "http://evil.example"), initialize()).statusCode()).isEqualTo(403);
    HttpResponse<String> local = post(Map.of("Origin", web.base), initialize());
    assertThat(local.statusCode()).isEqualTo(200);
    assertThat(local.headers().firstValue("Mcp-Session-Id")).isPresent();
  }

  @Test
  void an_oversized_body_is_refused_with_413_as_problem_json() throws Exception {
    String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
    // Sent whole, the server reads and drops it before answering: closing on unread bytes reset the
    // connection, and the client saw "header parser received no bytes" instead of the 413 (a CI run).
    HttpResponse<String> r = post(Map.of(), huge, false);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    HttpResponse<String> asked = post(Map.of(), huge, true);
    assertThat(asked.statusCode()).isEqualTo(413);
    assertThat(asked.body()).contains("\"status\":413");
  }

  @Test
  void a_request_of_an_unknown_session_gets_404_with_a_json_rpc_error_and_no_stack_trace() throws Exception {
    HttpResponse<String> r = post(Map.of("Mcp-Session-Id", "no-such-session"),
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).startsWith("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":").contains("Session not found")
        .doesNotContain("stackTrace", "org.eclipse");
  }

  private static String initialize() {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  }

  private static HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
    return post(headers, body, false);
  }

  private static HttpResponse<String> post(Map<String, String> headers, String body, boolean expectContinue) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.base + "/mcp")).timeout(Duration.ofSeconds(30))
        .expectContinue(expectContinue)
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
