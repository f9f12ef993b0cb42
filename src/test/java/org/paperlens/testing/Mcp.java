package org.paperlens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the MCP tests share: calling a tool as an agent would, reading its answer, and what every tool must declare. */
public final class Mcp {

  private Mcp() {}

  public static final List<String> TOOLS = List.of("search", "related", "recommend", "paper", "daily", "trending", "library_list",
      "library_add", "library_remove");

  /** Calls {@code tool} and returns the result, an error result included. */
  public static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  /** Calls {@code tool}, checks it answered without error, and returns its structured content. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> answer(McpSyncClient client, String tool, Map<String, Object> args) {
    CallToolResult r = call(client, tool, args);
    assertThat(r.isError()).as("%s %s answered an error: %s", tool, args, text(r)).isNotEqualTo(Boolean.TRUE);
    assertThat(r.structuredContent()).as("structured content of %s", tool).isInstanceOf(Map.class);
    assertThat(text(r)).as("the text content is the same answer as JSON").startsWith("{");
    return (Map<String, Object>) r.structuredContent();
  }

  /** Calls {@code tool}, checks it answered a tool error (not a protocol error), and returns the message. */
  public static String error(McpSyncClient client, String tool, Map<String, Object> args) {
    CallToolResult r = call(client, tool, args);
    assertThat(r.isError()).as("%s %s should answer a tool error, answered %s", tool, args, text(r)).isTrue();
    return text(r);
  }

  public static String text(CallToolResult r) {
    return r.content().stream().filter(c -> c instanceof McpSchema.TextContent).map(c -> ((McpSchema.TextContent) c).text())
        .collect(Collectors.joining("\n"));
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(Map<String, Object> answer, String key) {
    return (List<Map<String, Object>>) answer.get(key);
  }

  public static List<Object> ids(Map<String, Object> answer, String key) {
    return list(answer, key).stream().map(m -> m.get("id")).toList();
  }

  /**
   * The server lists exactly the nine tools, each with a description, an input schema that takes
   * no unknown argument and an output schema, and the read tools are marked read-only.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, McpSchema.Tool> assertTools(McpSyncClient client) {
    List<McpSchema.Tool> tools = client.listTools().tools();
    assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyElementsOf(TOOLS);
    Map<String, McpSchema.Tool> byName = tools.stream().collect(Collectors.toMap(McpSchema.Tool::name, t -> t));
    for (McpSchema.Tool t : tools) {
      assertThat(t.description()).as(t.name()).isNotBlank();
      assertThat(t.inputSchema()).as(t.name()).containsEntry("type", "object").containsEntry("additionalProperties", false)
          .containsKey("properties");
      assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object").containsKey("properties");
      assertThat(t.annotations().readOnlyHint()).as(t.name() + " is read-only")
          .isEqualTo(!t.name().equals("library_add") && !t.name().equals("library_remove"));
    }
    assertThat((List<String>) byName.get("search").inputSchema().get("required")).containsExactly("query");
    assertThat((Map<String, Object>) byName.get("search").inputSchema().get("properties"))
        .containsKeys("query", "mode", "sort", "from", "to", "categories", "author", "limit", "offset");
    assertThat((Map<String, Object>) ((Map<String, Object>) byName.get("search").inputSchema().get("properties")).get("mode"))
        .containsEntry("enum", List.of("keyword", "semantic", "hybrid"));
    assertThat((List<String>) byName.get("paper").inputSchema().get("required")).containsExactly("id");
    assertThat((List<String>) byName.get("recommend").inputSchema().get("required")).containsExactly("liked");
    assertThat((Map<String, Object>) byName.get("paper").outputSchema().get("properties"))
        .containsKeys("abstract", "url", "pdfUrl", "codeLinks", "citationCount", "bibtex");
    assertThat(byName.get("library_remove").annotations().destructiveHint()).isTrue();
    return byName;
  }
}
