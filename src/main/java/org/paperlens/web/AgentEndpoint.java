package org.paperlens.web;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.paperlens.account.AccountStore;
import org.paperlens.mcp.AgentServer;
import org.paperlens.mcp.Members;
import org.paperlens.mcp.Services;

/**
 * The MCP server at {@code /mcp} (Streamable HTTP): the SDK's servlet transport, which runs on
 * Jetty 12's Servlet 6 API (ee10), mounted on the web server's servlet context beside Javalin's servlet,
 * behind {@link AgentAccess}. Sessions are the transport's ({@code Mcp-Session-Id}); its body limit
 * is the API's, and a browser's request from another origin is refused (403).
 */
public final class AgentEndpoint implements AutoCloseable {

  public static final String PATH = "/mcp";

  private final HttpServletStreamableServerTransportProvider transport;
  private final AgentServer server;
  private final AgentAccess access;

  /**
   * @param site the site's public URL: pages there may call the endpoint from a browser, as may pages on this machine
   */
  public AgentEndpoint(Services services, AccountStore accounts, int maxBodyBytes, String site) {
    this.access = new AgentAccess(accounts);
    this.transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(AgentServer.jsonMapper())
        .mcpEndpoint(PATH)
        .maxRequestSize(maxBodyBytes)
        .securityValidator(DefaultServerTransportSecurityValidator.builder().allowedOrigins(origins(site)).build())
        .contextExtractor(request -> {
          Object member = request.getAttribute(Members.ACCOUNT);
          return member == null ? McpTransportContext.EMPTY : McpTransportContext.create(Map.of(Members.ACCOUNT, member));
        })
        .build();
    this.server = AgentServer.streamable(services, Members.fromContext(), transport);
  }

  /** Loopback origins on any port, and the site's own. */
  static List<String> origins(String site) {
    List<String> out = new ArrayList<>(List.of("http://127.0.0.1", "http://127.0.0.1:*", "http://localhost", "http://localhost:*",
        "http://[::1]", "http://[::1]:*"));
    if (site != null) {
      URI u = URI.create(site);
      out.add(u.getScheme() + "://" + u.getRawAuthority());
    }
    return out;
  }

  void mount(ServletContextHandler context) {
    ServletHolder servlet = new ServletHolder(transport);
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, PATH);
    FilterHolder filter = new FilterHolder(access);
    filter.setAsyncSupported(true);
    context.addFilter(filter, PATH, EnumSet.of(DispatcherType.REQUEST));
  }

  @Override
  public void close() {
    server.close();
  }
}
