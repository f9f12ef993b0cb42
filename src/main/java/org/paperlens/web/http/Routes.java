package org.paperlens.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where each feature registers its routes (see {@link Feature}). Routes match in the order they are
 * registered, so a route with a suffix ({@code /papers/<id>/export}) must come before the bare one
 * whose {@code <id>} takes slashes; the assembly orders the features accordingly.
 * State changes need the CSRF token, checked after routing so a wrong method still gets its 405.
 */
public final class Routes {

  /** A route of the JSON API, as the OpenAPI document must list it ({@code {id}} style paths). */
  public record ApiRoute(String method, String path) {}

  private static final Set<HandlerType> STATE_CHANGING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.DELETE,
      HandlerType.PATCH);
  private static final String API = "/api/v1";

  private final RoutesConfig app;
  private final List<ApiRoute> apiRoutes = new ArrayList<>();

  public Routes(RoutesConfig app) {
    this.app = app;
  }

  /** A page to read. */
  public void get(String path, Handler handler) {
    app.get(path, handler);
  }

  /** A form's action: CSRF-checked. */
  public void post(String path, Handler handler) {
    app.post(path, csrf(handler));
  }

  /**
   * A POST without the CSRF check, for a request that is authorised otherwise and cannot carry the
   * cookie (one-click unsubscribe, RFC 8058, authorised by the unguessable token in its URL).
   */
  public void postWithoutCsrf(String path, Handler handler) {
    app.post(path, handler);
  }

  /** A JSON API route under /api/v1 ({@code path} is relative to it); state changes are CSRF-checked. */
  public void api(HandlerType method, String path, Handler handler) {
    apiRoute(method, path, handler, STATE_CHANGING.contains(method));
  }

  /** An API route that signs in by name and password, so it has no session and no CSRF token to check. */
  public void apiWithoutSession(HandlerType method, String path, Handler handler) {
    apiRoute(method, path, handler, false);
  }

  private void apiRoute(HandlerType method, String path, Handler handler, boolean guarded) {
    app.addHttpHandler(method, API + path, guarded ? csrf(handler) : handler);
    apiRoutes.add(new ApiRoute(method.name().toLowerCase(Locale.ROOT), (API + path).replace("<", "{").replace(">", "}")));
  }

  /** The API routes registered so far, in order. */
  public List<ApiRoute> apiRoutes() {
    return List.copyOf(apiRoutes);
  }

  private static Handler csrf(Handler handler) {
    return ctx -> {
      Auth.checkCsrf(ctx);
      handler.handle(ctx);
    };
  }
}
