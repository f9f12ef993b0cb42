package org.paperlens.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.BodySizeLimit;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.Problems;
import org.paperlens.web.http.RequestBodies;
import org.paperlens.web.http.ServerLimits;
import org.paperlens.web.page.AccountChanges;
import org.paperlens.web.page.AccountPages;
import org.paperlens.web.page.AuthorPages;
import org.paperlens.web.page.CollectionPages;
import org.paperlens.web.page.Discussion;
import org.paperlens.web.page.ExportRoutes;
import org.paperlens.web.page.FeedRoutes;
import org.paperlens.web.page.ForYou;
import org.paperlens.web.page.LibraryPages;
import org.paperlens.web.page.Listings;
import org.paperlens.web.page.ReadingPages;
import org.paperlens.web.page.SubmitLookup;
import org.paperlens.web.page.SubscriptionPages;
import org.paperlens.web.page.Templates;

/**
 * The web app: pages, the JSON API and static files on one embedded Jetty (via Javalin).
 * Assembly only: the route table, security headers, CSRF checks on state changes, and the one
 * exception mapper ({@link Problems}). Start with {@link #start}, stop with {@link #close}.
 */
public final class WebServer implements AutoCloseable {

  /** A route of the JSON API, as the OpenAPI document must list it ({@code {id}} style paths). */
  public record Route(String method, String path) {}

  private static final Set<HandlerType> STATE_CHANGING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.DELETE, HandlerType.PATCH);

  private final Javalin app;
  private final List<Route> apiRoutes = new ArrayList<>();
  /** Where to listen, set by {@link #start} just before Javalin builds the connector from it. */
  private String host;
  private int port;

  public WebServer(WebServices services) {
    this(services, null);
  }

  public WebServer(WebServices services, DigestServices digest) {
    this(services, digest, ServerLimits.DEFAULT, ClientAddresses.direct());
  }

  /**
   * @param digest subscriptions and feeds; null serves the site without them
   * @param limits time and concurrency bounds on reading requests
   * @param clients how to tell a request's client address (directly, or from a trusted proxy's header)
   */
  public WebServer(WebServices services, DigestServices digest, ServerLimits limits, ClientAddresses clients) {
    Templates templates = new Templates(digest != null);
    Problems problems = new Problems((ctx, status, title, detail) -> templates.render("error", ctx, java.util.Map.of(
        "title", title, "status", status, "detail", detail)));
    Auth auth = new Auth(services.accounts(), services.limits(), clients);
    Listings listings = new Listings(services);
    ReadingPages reading = new ReadingPages(services, listings, templates);
    AccountChanges accountChanges = new AccountChanges(services, auth, digest);
    AccountPages accountPages = new AccountPages(services, auth, templates, accountChanges);
    ForYou forYou = new ForYou(services);
    SubmitLookup submissions = new SubmitLookup(services.catalogue(), services.fetcher());
    LibraryPages libraryPages = new LibraryPages(services, listings, templates, forYou, submissions);
    Api api = new Api(services, listings, auth, forYou, submissions, accountChanges);
    ExportRoutes exports = new ExportRoutes(services, listings, templates);

    RequestBodies bodies = new RequestBodies(limits, clients::of);

    app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      config.http.prefer405over404 = true;
      jetty(config, limits);
      config.router.ignoreTrailingSlashes = true;
      config.staticFiles.add(sf -> {
        // KaTeX sits in a folder named after its version: a new version is a new URL, so it may be cached for good.
        sf.hostedPath = "/static/katex";
        sf.directory = "/web/katex";
        sf.location = Location.CLASSPATH;
        sf.headers = java.util.Map.of("Cache-Control", "public, max-age=31536000, immutable");
      });
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/static";
        sf.directory = "/web/static";
        sf.location = Location.CLASSPATH;
        sf.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
      });
    });
    app.before(ctx -> {
      securityHeaders(ctx);
      bodies.readUpFront(ctx);
      auth.identify(ctx);
    });
    app.after(ctx -> {
      if ("text/html".equals(ctx.res().getContentType())) {
        ctx.contentType("text/html; charset=utf-8");
      }
    });
    app.exception(Exception.class, problems::handle);
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Endpoint " + ctx.method() + " " + ctx.path() + " not found")) {
        problems.respond(ctx, new Problems.Outcome(404, "no page at " + ctx.path(), null));
      }
    });
    app.error(405, ctx -> problems.respond(ctx, new Problems.Outcome(405, ctx.method() + " is not allowed on " + ctx.path(), null)));

    app.get("/", ctx -> ctx.redirect("/daily", HttpStatus.FOUND));
    app.get("/daily", reading::daily);
    app.get("/trending", reading::trending);
    app.get("/search", reading::search);
    AuthorPages authors = new AuthorPages(listings, templates);
    app.get("/authors/{name}", authors::page);
    // Before /papers/<id>, whose <id> also matches slashes (old-style ids such as hep-th/9901001).
    app.get("/papers/<id>/export", exports::paper);
    app.get("/papers/<id>", reading::paper);
    app.post("/papers/<id>/vote", csrf(libraryPages::vote));
    app.post("/papers/<id>/save", csrf(libraryPages::save));
    Discussion discussion = new Discussion(services, listings, services.clock());
    app.post("/papers/<id>/comments", csrf(discussion::add));
    app.post("/comments/{cid}/edit", csrf(discussion::edit));
    app.post("/comments/{cid}/delete", csrf(discussion::delete));
    app.get("/library", libraryPages::library);
    app.post("/library/tags/visibility", csrf(libraryPages::tagVisibility));
    app.get("/recommended", libraryPages::recommended);
    app.get("/submit", libraryPages::submitForm);
    app.post("/submit", csrf(libraryPages::submit));
    app.get("/signup", accountPages::signUpForm);
    app.post("/signup", csrf(accountPages::signUp));
    app.get("/login", accountPages::logInForm);
    app.post("/login", csrf(accountPages::logIn));
    app.post("/logout", csrf(accountPages::logOut));
    app.get("/account", accountPages::account);
    app.post("/account/tokens", csrf(accountPages::newToken));
    app.post("/account/tokens/revoke", csrf(accountPages::revokeToken));
    app.post("/account/password", csrf(accountPages::changePassword));
    app.post("/account/email", csrf(accountPages::changeEmail));
    app.post("/account/delete", csrf(accountPages::delete));

    app.get("/search/export", exports::search);
    app.get("/library/export", exports::library);
    app.get("/library/import", exports::importForm);
    app.post("/library/import", csrf(exports::importBibtex));
    if (digest != null) {
      SubscriptionPages subscriptions = new SubscriptionPages(digest, templates, services.clock(), clients, services.accounts());
      app.get("/subscriptions", subscriptions::page);
      app.post("/subscriptions", csrf(subscriptions::subscribe));
      app.post("/subscriptions/<id>/unsubscribe", csrf(subscriptions::unsubscribeOwn));
      app.get("/subscriptions/confirm/<token>", subscriptions::confirmPage);
      app.post("/subscriptions/confirm/<token>", csrf(subscriptions::confirm));
      app.get("/subscriptions/manage/<token>", subscriptions::manage);
      app.post("/subscriptions/manage/<token>/<id>", csrf(subscriptions::unsubscribeManaged));
      app.get("/unsubscribe/<token>", subscriptions::unsubscribePage);
      // No CSRF check: one-click unsubscribe (RFC 8058) is a POST from the recipient's mail system,
      // which has no CSRF cookie; the unguessable token in the URL is what authorises it.
      app.post("/unsubscribe/<token>", subscriptions::unsubscribe);
      FeedRoutes feeds = new FeedRoutes(services, digest, listings, forYou);
      app.get("/daily/feed", feeds::daily);
      app.get("/trending/feed", feeds::trending);
      app.get("/recommended/feed", feeds::recommended);
      app.get("/collections/feed", feeds::collections);
      app.get("/search/feed", feeds::search);
      app.get("/users/{name}/tags/<tag>/feed", feeds::memberTag);
      app.get("/authors/{name}/feed", feeds::author);
      app.get("/tags/<tag>/feed", feeds::retiredTagFeed);
      app.get("/feeds/<token>", feeds::personal);
      app.post("/account/feed", csrf(ctx -> feeds.newPrivateFeed(ctx, templates)));
    }

    // After the tag feed route: <tag> takes slashes, so "TAG/feed" would otherwise be read as a tag.
    CollectionPages collections = new CollectionPages(services, templates);
    app.get("/collections", collections::index);
    app.get("/users/{name}/tags/<tag>", collections::page);

    api(HandlerType.GET, "/api/v1/openapi.json", WebServer::openApi);
    // Ids may contain a slash (hep-th/9901001), so <id> matches across slashes: the routes with
    // a suffix come first, or the bare route would take "ID/related" as the id.
    api(HandlerType.GET, "/api/v1/papers/<id>/related", api::related);
    api(HandlerType.GET, "/api/v1/papers/<id>/comments", discussion::listApi);
    api(HandlerType.POST, "/api/v1/papers/<id>/comments", discussion::addApi);
    api(HandlerType.PUT, "/api/v1/comments/{cid}", discussion::editApi);
    api(HandlerType.DELETE, "/api/v1/comments/{cid}", discussion::deleteApi);
    api(HandlerType.PUT, "/api/v1/papers/<id>/vote", api::upvote);
    api(HandlerType.DELETE, "/api/v1/papers/<id>/vote", api::undoUpvote);
    api(HandlerType.GET, "/api/v1/papers/<id>", api::paper);
    api(HandlerType.GET, "/api/v1/status", api::status);
    api(HandlerType.GET, "/api/v1/authors/{name}", authors::api);
    api(HandlerType.GET, "/api/v1/daily", api::daily);
    api(HandlerType.GET, "/api/v1/trending", api::trending);
    api(HandlerType.GET, "/api/v1/search", api::search);
    api(HandlerType.GET, "/api/v1/me", api::me);
    api(HandlerType.DELETE, "/api/v1/me", api::deleteMe);
    api(HandlerType.PUT, "/api/v1/me/password", api::changePassword);
    api(HandlerType.PUT, "/api/v1/me/email", api::changeEmail);
    api(HandlerType.GET, "/api/v1/library", api::library);
    api(HandlerType.PUT, "/api/v1/tags/<tag>", api::tagVisibility);
    api(HandlerType.GET, "/api/v1/collections", collections::indexApi);
    api(HandlerType.GET, "/api/v1/users/{name}/tags/<tag>", collections::api);
    api(HandlerType.PUT, "/api/v1/library/<id>", api::save);
    api(HandlerType.DELETE, "/api/v1/library/<id>", api::remove);
    api(HandlerType.GET, "/api/v1/recommendations", api::recommendations);
    api(HandlerType.GET, "/api/v1/submissions", api::submissions);
    api(HandlerType.POST, "/api/v1/submissions", api::submit);
    api(HandlerType.POST, "/api/v1/tokens", api::token);
  }

  /** Jetty settings that bound what a slow or oversized request can hold: see {@link ServerLimits}. */
  private void jetty(io.javalin.config.JavalinConfig config, ServerLimits limits) {
    config.http.maxRequestSize = limits.maxBodyBytes();
    config.jetty.multipartConfig.maxTotalRequestSize(limits.maxUploadBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxFileSize(limits.maxUploadBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxInMemoryFileSize(limits.maxUploadBytes(), SizeUnit.BYTES);
    QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 8);
    threads.setName("paperlens-web");
    config.jetty.threadPool = threads;
    config.jetty.modifyHttpConfiguration(http -> {
      http.setMinRequestDataRate(limits.minBodyRate());
      http.setRequestHeaderSize(8 * 1024);
    });
    config.jetty.addConnector((server, http) -> {
      ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
      connector.setHost(host);
      connector.setPort(port);
      connector.setIdleTimeout(limits.idleTimeout().toMillis());
      return connector;
    });
    config.jetty.modifyServletContextHandler(context -> context.addFilter(
        new FilterHolder(new BodySizeLimit(limits.maxBodyBytes())), "/*", EnumSet.of(DispatcherType.REQUEST)));
  }

  /** State changes need the CSRF token (checked after routing, so a wrong method still gets its 405). */
  private static Handler csrf(Handler handler) {
    return ctx -> {
      Auth.checkCsrf(ctx);
      handler.handle(ctx);
    };
  }

  private void api(HandlerType method, String path, Handler handler) {
    boolean guarded = STATE_CHANGING.contains(method) && !path.equals("/api/v1/tokens"); // tokens: name and password, no session
    app.addHttpHandler(method, path, guarded ? csrf(handler) : handler);
    apiRoutes.add(new Route(method.name().toLowerCase(java.util.Locale.ROOT), path.replace("<", "{").replace(">", "}")));
  }

  /** The API routes this server answers, for checking against the OpenAPI document. */
  public List<Route> apiRoutes() {
    return List.copyOf(apiRoutes);
  }

  private static void openApi(Context ctx) throws java.io.IOException {
    try (var in = WebServer.class.getResourceAsStream("/web/openapi.json")) {
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none';"
        + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
  }

  /** Starts listening on {@code host}:{@code port} (0 picks a free port) and returns the port. */
  public int start(String host, int port) {
    this.host = host;
    this.port = port;
    app.start(host, port);
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
