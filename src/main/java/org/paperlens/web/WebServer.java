package org.paperlens.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.paperlens.common.Admission;
import org.paperlens.common.RequestGauge;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.InFlight;
import org.paperlens.web.http.BodySizeLimit;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.Feature;
import org.paperlens.ops.RequestRecord;
import org.paperlens.web.http.Problems;
import org.paperlens.web.http.RequestObserver;
import org.paperlens.web.http.RequestBodies;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.ServerLimits;
import org.paperlens.web.page.ErrorView;
import org.paperlens.web.page.Templates;

/**
 * The web app: pages, the JSON API and static files on one embedded Jetty (via Javalin).
 * Assembly only: Jetty's limits, security headers, request bodies read up front, who is signed in,
 * the one exception mapper ({@link Problems}), and then each {@link Feature} registering its own
 * routes, in the order given (see {@link Routes} on why order matters). The application root builds
 * the features with the services each uses. The MCP endpoint ({@link AgentEndpoint}) is a servlet
 * beside Javalin's on the same Jetty context. Start with {@link #start}, stop with {@link #close}.
 */
public final class WebServer implements AutoCloseable {

  private final Javalin app;
  private final Routes routes;
  private final AgentEndpoint agent;
  private final Consumer<RequestRecord> observer;
  /** Where to listen, set by {@link #start} just before Javalin builds the connector from it. */
  private String host;
  private int port;

  /**
   * @param limits time and concurrency bounds on reading requests
   * @param clients how to tell a request's client address (directly, or from a trusted proxy's header)
   * @param auth sessions and API tokens: who sends each request
   * @param templates the pages' templates, of which the error page outside /api
   * @param features the pages and API resources, registered in this order
   * @param agent the MCP endpoint to mount at {@link AgentEndpoint#PATH}, or null for none
   * @param baseUrl the site's canonical base URL, the OpenAPI document's server
   * @param requests counts the requests in flight, static files included, for background work to give way to
   */
  public WebServer(ServerLimits limits, ClientAddresses clients, Auth auth, Templates templates, List<Feature> features,
      AgentEndpoint agent, String baseUrl, RequestGauge requests) {
    this(limits, clients, auth, templates, features, agent, baseUrl, requests, r -> {}, new Admission(limits.admission()));
  }

  /**
   * @param observer sees every answered request (metrics, the request log)
   * @param admission lets the expensive requests in ({@link InFlight}), built from {@code limits.admission()}
   */
  public WebServer(ServerLimits limits, ClientAddresses clients, Auth auth, Templates templates, List<Feature> features,
      AgentEndpoint agent, String baseUrl, RequestGauge requests, Consumer<RequestRecord> observer, Admission admission) {
    this.agent = agent;
    this.observer = observer;
    byte[] openApi = openApi(baseUrl);
    Problems problems = new Problems((ctx, status, title, detail) -> templates.render("error", ctx,
        new ErrorView(title, status, detail)));
    RequestBodies bodies = new RequestBodies(limits, clients::of);
    Routes[] registered = new Routes[1];
    // Javalin 7 takes every route, filter and handler up front, in the configuration: none is added to a built app.
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.startupWatcherEnabled = false;
      config.http.prefer405over404 = true;
      jetty(config, limits, requests, admission);
      config.router.ignoreTrailingSlashes = true;
      staticFiles(config);
      RoutesConfig r = config.routes;
      r.before(ctx -> {
        securityHeaders(ctx);
        if (OperatorRoutes.PATHS.contains(ctx.path())) {
          return; // health checks and scrapes carry no session, and /metrics's bearer token is no API token
        }
        bodies.readUpFront(ctx);
        auth.identify(ctx);
      });
      r.after(ctx -> {
        // The matched HTTP route's template, not this after-handler's own "*" (none when nothing matched).
        var matched = ctx.endpoints().lastHttpEndpoint();
        ctx.req().setAttribute(RequestObserver.ROUTE, matched == null ? null : matched.path);
        if ("text/html".equals(ctx.res().getContentType())) {
          ctx.contentType("text/html; charset=utf-8");
        }
      });
      r.exception(Exception.class, problems::handle);
      r.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Endpoint " + ctx.method() + " " + ctx.path() + " not found")) {
          problems.respond(ctx, new Problems.Outcome(404, "no page at " + ctx.path(), null));
        }
      });
      r.error(405, ctx -> problems.respond(ctx, new Problems.Outcome(405, ctx.method() + " is not allowed on " + ctx.path(), null)));
      Routes routes = new Routes(r);
      routes.api(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
      // Browsers ask for /favicon.ico whatever the page says; answer with the site's SVG icon.
      routes.get("/favicon.ico", WebServer::favicon);
      features.forEach(f -> f.register(routes));
      registered[0] = routes;
    });
    routes = registered[0];
  }

  private static void staticFiles(JavalinConfig config) {
    config.staticFiles.add(sf -> {
      // KaTeX sits in a folder named after its version: a new version is a new URL, so it may be cached for good.
      sf.hostedPath = "/static/katex";
      sf.directory = "/web/katex";
      sf.location = Location.CLASSPATH;
      sf.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
    });
    config.staticFiles.add(sf -> {
      sf.hostedPath = "/static";
      sf.directory = "/web/static";
      sf.location = Location.CLASSPATH;
      sf.headers = Map.of("Cache-Control", "public, max-age=3600");
    });
  }

  /** Jetty settings that bound what a slow or oversized request can hold: see {@link ServerLimits}. */
  private void jetty(JavalinConfig config, ServerLimits limits, RequestGauge requests, Admission admission) {
    config.http.maxRequestSize = limits.maxBodyBytes();
    config.jetty.multipartConfig.maxTotalRequestSize(limits.maxUploadBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxFileSize(limits.maxUploadBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxInMemoryFileSize(limits.maxUploadBytes(), SizeUnit.BYTES);
    QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 8);
    threads.setName("paperlens-web");
    config.jetty.threadPool = threads;
    config.jetty.modifyServer(server -> {
      // Graceful stop (SIGTERM, a rolling restart): the connector stops accepting at once, requests
      // under way are finished for up to DRAIN, and only then are connections closed. In Jetty 12 it is
      // the graceful handler that counts the requests under way and that stop waits for; Javalin
      // attaches its context inside it.
      server.setStopTimeout(DRAIN.toMillis());
      // Inside it, in front of the servlet context: a request counts from the moment the server sees
      // it until the context returns (an asynchronous answer, the MCP endpoint's, counts until it is
      // handed off: a stream held open never holds the embedder), and an expensive one waits for its
      // turn to compute or is refused (503) here, from the request line alone, before the servlet
      // context does anything for it (InFlight). Javalin attaches its context inside the innermost wrapper.
      server.setHandler(new GracefulHandler(new InFlight(requests, admission)));
    });
    config.jetty.modifyHttpConfiguration(http -> {
      http.setMinRequestDataRate(limits.minBodyRate());
      http.setRequestHeaderSize(org.paperlens.web.http.HeadSizeLimit.JETTY_HEAD_BYTES); // the smaller limits: HeadSizeLimit
    });
    config.jetty.modifyServer(server -> server.setErrorHandler(new org.paperlens.web.http.BadMessages()));
    config.jetty.addConnector((server, http) -> {
      ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
      connector.setHost(host);
      connector.setPort(port);
      connector.setIdleTimeout(limits.idleTimeout().toMillis());
      return connector;
    });
    config.jetty.modifyServletContextHandler(context -> {
      // Outermost: times the whole request and sees its final status.
      FilterHolder observed = new FilterHolder(new RequestObserver(observer));
      observed.setAsyncSupported(true);
      context.addFilter(observed, "/*", EnumSet.of(DispatcherType.REQUEST));
      // Then the request head's size (414, 431), before anything reads it.
      FilterHolder headLimit = new FilterHolder(new org.paperlens.web.http.HeadSizeLimit());
      headLimit.setAsyncSupported(true);
      context.addFilter(headLimit, "/*", EnumSet.of(DispatcherType.REQUEST));
      FilterHolder bodyLimit = new FilterHolder(new BodySizeLimit(limits.maxBodyBytes(), limits.maxUploadBytes()));
      bodyLimit.setAsyncSupported(true); // the MCP endpoint answers asynchronously, and a request's filters must all allow it
      context.addFilter(bodyLimit, "/*", EnumSet.of(DispatcherType.REQUEST));
      if (agent != null) {
        agent.mount(context);
      }
    });
  }

  /** The API routes this server answers, for checking against the OpenAPI document. */
  public List<Routes.ApiRoute> apiRoutes() {
    return routes.apiRoutes();
  }

  private static void favicon(Context ctx) throws java.io.IOException {
    try (var in = WebServer.class.getResourceAsStream("/web/static/favicon.svg")) {
      ctx.header("Cache-Control", "public, max-age=86400").contentType("image/svg+xml").result(in.readAllBytes());
    }
  }

  /** The OpenAPI document with {@code baseUrl} as its one server, so generated clients call the canonical address. */
  private static byte[] openApi(String baseUrl) {
    try (var in = WebServer.class.getResourceAsStream("/web/openapi.json")) {
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      var doc = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
      doc.putArray("servers").addObject().put("url", baseUrl);
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("the OpenAPI document in the jar cannot be read", e);
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none';"
        + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
  }

  /** How long a stopping server waits for the requests under way before it closes their connections. */
  public static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(20);

  /** Starts listening on {@code host}:{@code port} (0 picks a free port) and returns the port. */
  public int start(String host, int port) {
    this.host = host;
    this.port = port;
    app.start(host, port);
    return app.port();
  }

  @Override
  public void close() {
    if (agent != null) {
      agent.close(); // ends the MCP sessions first, so no stream holds a request thread while Jetty stops
    }
    app.stop();
  }
}
