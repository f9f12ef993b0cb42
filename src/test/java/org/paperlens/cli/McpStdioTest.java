package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.testing.Mcp.answer;
import static org.paperlens.testing.Mcp.error;
import static org.paperlens.testing.Mcp.ids;
import static org.paperlens.testing.Mcp.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.Account;
import org.paperlens.account.PasswordHasher;
import org.paperlens.app.IndexBackend;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.mcp.AgentServer;
import org.paperlens.mcp.McpEnv;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.Mcp;
import org.paperlens.testing.TestDatabase;

/**
 * {@code paperlens mcp} as an MCP client runs it: a subprocess (the test class path's java command)
 * spoken to over its standard input and output by the SDK's stdio client, on the search fixture
 * imported, embedded with the real model and indexed by the command line. Every tool is called; the
 * library tools with the member's token from $PAPERLENS_TOKEN, without one and with a wrong one;
 * and standard output is checked to carry nothing but JSON-RPC.
 */
@Timeout(300) // a guard against hanging (four JVMs, the model loaded twice), not a speed target
class McpStdioTest {

  @TempDir
  static Path dir;
  private static Path data;
  private static String token;

  @BeforeAll
  static void catalogue() {
    data = dir.resolve("data");
    for (String[] args : List.of(new String[] {"import", "--data", data.toString(), Fixtures.path("search-corpus.jsonl").toString()},
        new String[] {"embed", "--data", data.toString()}, new String[] {"reindex", "--data", data.toString()})) {
      Cli.Result r = Cli.run(args);
      assertThat(r.code()).as("%s: %s", List.of(args), r.err()).isZero();
    }
    Config config = TestDatabase.config(Config.resolve(Map.of(), data));
    try (PaperLens root = PaperLens.builder(config, IndexBackend.of(config, null, Map.of()), Clock.systemUTC())
        .passwordHasher(new PasswordHasher(1024, 1, 1)).build()) {
      Account reader = root.accounts().signUp("stdio-reader", "a long enough password");
      token = root.accounts().newApiToken(reader, "mcp");
      root.community().upvote(root.accounts().signUp("stdio-voter", "a long enough password"), new PaperId("2401.00108"));
    }
  }

  /** The child's command line: the java running this test, with the JVM flags bin/paperlens passes. */
  private static List<String> command() {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules", "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("paperlens.test.classpath"), "org.paperlens.cli.Main",
        "--data", data.toString(), "mcp");
  }

  private static Map<String, String> environment(String memberToken) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(TestDatabase.childEnvironment(data));
    env.remove(McpEnv.TOKEN_ENV);
    if (memberToken != null) {
      env.put(McpEnv.TOKEN_ENV, memberToken);
    }
    return env;
  }

  private static McpSyncClient client(String memberToken) {
    List<String> cmd = command();
    ServerParameters params = ServerParameters.builder(cmd.getFirst()).args(cmd.subList(1, cmd.size()))
        .env(environment(memberToken)).build();
    McpSyncClient c = McpClient.sync(new StdioClientTransport(params, AgentServer.jsonMapper()))
        .requestTimeout(Duration.ofSeconds(120)).initializationTimeout(Duration.ofSeconds(120)).build();
    c.initialize();
    return c;
  }

  @Test
  void an_agent_calls_every_tool_over_standard_input_and_output() {
    McpSyncClient c = client(token);
    try {
      Mcp.assertTools(c);
      assertThat(ids(answer(c, "search", Map.of("query", "solubility", "mode", "keyword")), "hits")).containsExactly("2401.00101");
      assertThat(ids(answer(c, "search", Map.of("query", "predicting properties of molecules with graph networks",
          "mode", "semantic", "limit", 3)), "hits")).contains("2401.00101");
      assertThat(ids(answer(c, "search", Map.of("query", "attention", "sort", "date", "limit", 3)), "hits")).isNotEmpty();
      assertThat(answer(c, "paper", Map.of("id", "hep-th/9901001")))
          .containsEntry("title", "String Junctions and Their Duals in Heterotic String Theory");
      Map<String, Object> related = answer(c, "related", Map.of("id", "2401.00101", "k", 5));
      assertThat(list(related, "related")).hasSize(5).allSatisfy(r -> assertThat((String) r.get("reason")).isNotBlank());
      assertThat(list(related, "related")).anySatisfy(r -> assertThat(r.get("similarity")).isNotNull()); // real vectors
      Map<String, Object> recommended = answer(c, "recommend", Map.of("liked", List.of("2401.00101", "2401.00109"), "since", 3650,
          "k", 3));
      assertThat(recommended).containsEntry("method", "learned");
      assertThat(list(recommended, "recommendations")).as("%s", recommended).isNotEmpty();
      assertThat((Integer) answer(c, "daily", Map.of()).get("total")).isPositive();
      // A fresh install (one voter, of a second ago): new and notable, each paper with its reasons, the upvote counted.
      Map<String, Object> trending = answer(c, "trending", Map.of());
      assertThat(trending).containsEntry("list", "new-and-notable").containsKey("why");
      assertThat(list(trending, "papers")).isNotEmpty().anySatisfy(p -> assertThat(list(p, "reasons")).isNotEmpty())
          .anySatisfy(p -> assertThat(p).containsEntry("id", "2401.00108").containsEntry("upvotes", 1));
      assertThat(answer(c, "library_add", Map.of("id", "2401.00107", "tags", List.of("baselines")))).containsEntry("saved", true);
      Map<String, Object> lib = answer(c, "library_list", Map.of());
      assertThat(lib).containsEntry("member", "stdio-reader").containsEntry("tags", Map.of("baselines", 1));
      assertThat(ids(lib, "papers")).containsExactly("2401.00107");
      assertThat(answer(c, "library_remove", Map.of("id", "2401.00107"))).containsEntry("removed", true);
      assertThat(error(c, "paper", Map.of("id", "9999.99999"))).contains("No paper 9999.99999");
      assertThat(error(c, "search", Map.of("query", "(missing parenthesis", "mode", "keyword"))).contains("could not be read");
      assertThat(answer(c, "search", Map.of("query", "robot"))).containsKey("hits"); // still serving after the errors
    } finally {
      c.closeGracefully();
    }
  }

  @Test
  void without_a_token_the_library_tools_say_how_to_pass_one_and_the_rest_work() {
    McpSyncClient c = client(null);
    try {
      assertThat(error(c, "library_list", Map.of())).contains("API token", McpEnv.TOKEN_ENV, "--token", "/api/v1/tokens");
      assertThat(ids(answer(c, "search", Map.of("query", "surface codes", "mode", "keyword")), "hits")).contains("2401.00108");
    } finally {
      c.closeGracefully();
    }
  }

  @Test
  void a_wrong_token_is_named_as_wrong_by_the_library_tools_only() {
    McpSyncClient c = client("not-a-token");
    try {
      assertThat(error(c, "library_add", Map.of("id", "2401.00101"))).contains("$" + McpEnv.TOKEN_ENV, "not valid");
      assertThat(answer(c, "paper", Map.of("id", "2401.00101"))).containsEntry("id", "2401.00101");
    } finally {
      c.closeGracefully();
    }
  }

  @Test
  void standard_output_carries_nothing_but_json_rpc_and_the_command_ends_with_its_input() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command()).redirectError(dir.resolve("stderr.log").toFile());
    pb.environment().clear();
    pb.environment().putAll(environment(null));
    Process p = pb.start();
    String[] messages = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":{\"query\":\"molecules\","
            + "\"mode\":\"semantic\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"paper\",\"arguments\":{\"id\":\"nope\"}}}"};
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> answers = new ArrayList<>();
    try (OutputStream in = p.getOutputStream(); var out = p.inputReader(StandardCharsets.UTF_8)) {
      for (String m : messages) {
        in.write((m + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        if (m.contains("\"id\"")) { // a request: wait for its answer before the next, as a client does
          String line = out.readLine();
          assertThat(line).as("a line of standard output").isNotNull();
          answers.add(json.readTree(line)); // fails on anything that is not JSON
        }
      }
      in.close();
      String rest;
      while ((rest = out.readLine()) != null) {
        answers.add(json.readTree(rest));
      }
    }
    assertThat(p.waitFor()).as("exit code once standard input ended").isZero();
    assertThat(answers).allSatisfy(a -> assertThat(a.get("jsonrpc").asText()).isEqualTo("2.0"));
    assertThat(answers.get(1).at("/result/structuredContent/hits/0/id").asText()).startsWith("2401.");
    assertThat(answers.get(2).at("/result/isError").asBoolean()).isTrue();
    assertThat(Files.readString(dir.resolve("stderr.log"))).contains("paperlens mcp: serving");
  }

}
