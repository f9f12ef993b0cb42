package org.paperlens.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.IndexMissingException;
import org.paperlens.index.IndexUnavailableException;
import org.paperlens.related.UnknownPaperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP server: every tool of {@link ReadingTools}, {@link ListingTools} and {@link LibraryTools}
 * on one SDK server, over standard input and output ({@link #stdio}) or a Streamable HTTP
 * transport that the web layer mounts ({@link #streamable}). Arguments are checked against each
 * tool's input schema by the SDK before a tool runs, and answers against its output schema.
 *
 * <p>The one place a tool's failure becomes an answer: a call the tool cannot answer (an unknown
 * paper, a query that does not parse, no index yet, no token) is a tool error result with the
 * reason, which the agent can act on; anything else is logged with its stack trace (on stderr, never
 * on the protocol's stdout) and answered as a tool error too, so one bad call never ends a session.
 */
public final class AgentServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);
  private static final String VERSION = "0.1.0";
  private static final String INSTRUCTIONS = "paperlens is a catalogue of research papers (arXiv and other sources)."
      + " Find papers with 'search' (keyword, semantic or hybrid), read one with 'paper', explore with 'related',"
      + " get suggestions with 'recommend' from papers the reader likes, browse a day's new papers with 'daily' and the"
      + " community's picks with 'trending'. The library tools keep a member's saved papers and need their API token.";
  /** Answers as JSON objects, absent values left out (no schema allows a null). */
  private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final McpSyncServer server;

  private AgentServer(McpSyncServer server) {
    this.server = server;
  }

  /**
   * The JSON mapper of this server's transports (Jackson 2, as the rest of paperlens). The SDK's
   * HTTP transport writes the body of an error it answers itself (an unknown session: 404) by
   * serialising its {@link McpError}, an exception: as a bean that would send the stack trace.
   * Here it is what the protocol says such a body may be, a JSON-RPC error response without an id.
   */
  public static McpJsonMapper jsonMapper() {
    SimpleModule errors = new SimpleModule("paperlens-mcp-errors");
    errors.addSerializer(McpError.class, new StdSerializer<>(McpError.class) {
      @Override
      public void serialize(McpError e, JsonGenerator json, SerializerProvider provider) throws java.io.IOException {
        json.writeStartObject();
        json.writeStringField("jsonrpc", McpSchema.JSONRPC_VERSION);
        json.writeObjectFieldStart("error");
        var rpc = e.getJsonRpcError();
        json.writeNumberField("code", rpc == null || rpc.code() == null ? McpSchema.ErrorCodes.INTERNAL_ERROR : rpc.code());
        json.writeStringField("message", rpc == null ? e.getMessage() : rpc.message());
        json.writeEndObject();
        json.writeEndObject();
      }
    });
    return new JacksonMcpJsonMapper(new ObjectMapper().registerModule(errors));
  }

  /** Serves one client over {@code in} and {@code out} (standard input and output) until the input ends. */
  public static AgentServer stdio(Services services, Members members, InputStream in, OutputStream out) {
    var transport = new StdioServerTransportProvider(jsonMapper(), in, out);
    return new AgentServer(configure(McpServer.sync(transport), services, members).build());
  }

  /** Serves the sessions of a Streamable HTTP transport; tools run on the request's thread (the web server bounds them). */
  public static AgentServer streamable(Services services, Members members, McpStreamableServerTransportProvider transport) {
    return new AgentServer(configure(McpServer.sync(transport), services, members).immediateExecution(true).build());
  }

  private static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
      McpServer.SyncSpecification<S> spec, Services services, Members members) {
    return spec.serverInfo("paperlens", VERSION)
        .instructions(INSTRUCTIONS)
        .jsonMapper(jsonMapper())
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .validateToolInputs(true)
        .tools(specifications(tools(services), members));
  }

  /** Every tool, in the order clients list them. */
  static List<AgentTool> tools(Services services) {
    List<AgentTool> all = new ArrayList<>(new ReadingTools(services).tools());
    all.addAll(new ListingTools(services).tools());
    all.addAll(new LibraryTools(services).tools());
    return all;
  }

  private static List<SyncToolSpecification> specifications(List<AgentTool> tools, Members members) {
    List<SyncToolSpecification> out = new ArrayList<>();
    for (AgentTool t : tools) {
      McpSchema.Tool tool = McpSchema.Tool.builder().name(t.name()).title(t.title()).description(t.description())
          .inputSchema(t.input()).outputSchema(t.output())
          .annotations(new McpSchema.ToolAnnotations(t.title(), t.effect() == AgentTool.Effect.READS,
              t.effect() == AgentTool.Effect.REMOVES, true, false, null))
          .build();
      out.add(SyncToolSpecification.builder().tool(tool)
          .callHandler((exchange, request) -> call(t, new Args(request.arguments()), members.of(exchange.transportContext())))
          .build());
    }
    return out;
  }

  static CallToolResult call(AgentTool tool, Args args, Caller caller) {
    try {
      Map<String, Object> answer = JSON.convertValue(tool.handler().call(args, caller), OBJECT);
      return CallToolResult.builder().structuredContent(answer).addTextContent(JSON.writeValueAsString(answer)).build();
    } catch (ToolError | IllegalArgumentException | UnknownPaperException | IndexMissingException | IndexUnavailableException e) {
      return error(e.getMessage());
    } catch (BadQueryException e) {
      return error("The query could not be read (" + e.getMessage() + "). Put words in quotes to search them as a phrase,"
          + " or leave out the operator.");
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.warn("tool {} failed", tool.name(), e);
      return error("paperlens could not answer this call (" + e.getClass().getSimpleName() + "); the server's log has the details.");
    }
  }

  private static CallToolResult error(String message) {
    return CallToolResult.builder().isError(true).addTextContent(message).build();
  }

  @Override
  public void close() {
    server.closeGracefully();
  }
}
