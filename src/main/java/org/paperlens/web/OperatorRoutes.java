package org.paperlens.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.ops.Health;
import org.paperlens.ops.Readiness;
import org.paperlens.ops.ServiceMetrics;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.Routes;

/**
 * What operators and load balancers ask a server: {@code /health/live} (the process answers
 * HTTP: 200, always), {@code /health/ready} (200 when {@link Readiness} passes, else 503, with a
 * JSON body naming each check and what it saw) and {@code /metrics} (Prometheus text, only with the
 * configured bearer token; 404 when none is configured). None of them counts as a request the
 * embedder gives way to ({@link org.paperlens.web.http.InFlight.Cost#CHEAP}), and none needs a session.
 */
public final class OperatorRoutes implements Feature {

  private final Readiness readiness;
  private final ServiceMetrics metrics;
  private final byte[] token;

  /** @param metricsToken the token {@code /metrics} asks for; null to leave it unserved */
  public OperatorRoutes(Readiness readiness, ServiceMetrics metrics, String metricsToken) {
    this.readiness = readiness;
    this.metrics = metrics;
    this.token = metricsToken == null ? null : metricsToken.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/health/live", ctx -> noStore(ctx).json(Map.of("status", "live")));
    routes.get("/health/ready", this::ready);
    routes.get("/metrics", this::metrics);
  }

  private static Context noStore(Context ctx) {
    return ctx.header("Cache-Control", "no-store");
  }

  void ready(Context ctx) {
    Health h = readiness.check();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", h.ready() ? "ready" : "not ready");
    body.put("failed", h.failed());
    Map<String, Object> checks = new LinkedHashMap<>();
    for (Health.Check c : h.checks()) {
      checks.put(c.name(), Map.of("ok", c.ok(), "detail", c.detail()));
    }
    body.put("checks", checks);
    noStore(ctx).status(h.ready() ? 200 : 503).json(body);
  }

  void metrics(Context ctx) {
    if (token == null) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result(
          "/metrics is off: start serve with --metrics-token (or $PAPERLENS_METRICS_TOKEN) to serve it\n");
      return;
    }
    String auth = ctx.header("Authorization");
    byte[] given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
    if (!MessageDigest.isEqual(token, given)) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"").status(401).contentType("text/plain; charset=utf-8")
          .result("/metrics needs the metrics token: Authorization: Bearer TOKEN\n");
      return;
    }
    noStore(ctx).contentType(ServiceMetrics.contentType()).result(metrics.scrape());
  }

  /** The paths served here, for the request gauge's exemption. */
  static final List<String> PATHS = List.of("/health/live", "/health/ready", "/metrics");
}
