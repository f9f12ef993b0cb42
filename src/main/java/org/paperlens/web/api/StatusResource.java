package org.paperlens.web.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.paperlens.live.PipelineStatus;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.Routes;

/** {@code /status}: what is searchable, what is still being embedded, how far the index lags. */
public final class StatusResource implements Feature {

  private final Supplier<PipelineStatus> status;

  public StatusResource(Supplier<PipelineStatus> status) {
    this.status = status;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.GET, "/status", this::status);
  }

  void status(Context ctx) {
    PipelineStatus st = status.get();
    Map<String, Object> m = new LinkedHashMap<>(coverage(st));
    m.put("catalogueSeq", st.catalogueSeq());
    m.put("toEmbed", st.toEmbed());
    m.put("embedRate", st.embedRate());
    m.put("embedding", embedding(st.embedding()));
    m.put("lastHarvest", st.lastHarvest());
    m.put("lastImport", st.lastImport());
    m.put("enrichment", st.enrichment().stream().map(StatusResource::enrichment).toList());
    m.put("stages", st.stages().stream().map(StatusResource::stage).toList());
    m.put("failing", st.failing().stream().map(org.paperlens.common.StageStatus::stage).toList());
    m.put("summary", st.describe());
    ctx.json(m);
  }

  /**
   * One background stage: {@code failing} now or not, and its last fault (null when it never
   * failed): what, since when, the latest failure, how many in a row, the next retry (null once
   * recovered) and when it recovered (null while failing). Times are ISO-8601 instants.
   */
  static Map<String, Object> stage(org.paperlens.common.StageStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stage", s.stage());
    m.put("failing", s.failing());
    m.put("lastFault", s.lastFault().map(f -> {
      Map<String, Object> fault = new LinkedHashMap<>();
      fault.put("problem", f.problem());
      fault.put("since", f.since().toString());
      fault.put("lastFailure", f.lastFailure().toString());
      fault.put("failures", f.failures());
      fault.put("nextRetry", f.nextRetry().map(Object::toString).orElse(null));
      fault.put("recovered", f.recovered().map(Object::toString).orElse(null));
      return fault;
    }).orElse(null));
    return m;
  }

  /**
   * The embedder's counts from the catalogue: {@code withVector} of {@code embeddable} papers have a vector
   * stored (the index shows them within a second), at {@code rate} papers/s over the last minute,
   * all done in about {@code etaSeconds} (null when idle), covering papers listed {@code listedFrom}
   * to {@code listedTo}.
   */
  static Map<String, Object> embedding(org.paperlens.live.EmbedProgress e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("embeddable", e.papers());
    m.put("withVector", e.embedded());
    m.put("toEmbed", e.toEmbed());
    m.put("rate", e.rate());
    m.put("etaSeconds", e.eta().map(java.time.Duration::toSeconds).orElse(null));
    m.put("listedFrom", e.firstListed());
    m.put("listedTo", e.lastListed());
    m.put("summary", e.describe());
    return m;
  }

  /** One citation source: reachable or since when not, its queue, and what this process did. */
  static Map<String, Object> enrichment(org.paperlens.live.EnrichmentStatus e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", e.source().displayName());
    m.put("reachable", e.unreachableSince().isEmpty());
    m.put("unreachableSince", e.unreachableSince().map(Object::toString).orElse(null));
    m.put("lastProblem", e.lastProblem().isEmpty() ? null : e.lastProblem());
    m.put("due", e.queue().due());
    m.put("neverAsked", e.queue().pending());
    m.put("found", e.queue().found());
    m.put("unknown", e.queue().unknown());
    m.put("bad", e.queue().bad());
    m.put("queuedSinceStart", e.queued());
    m.put("enrichedSinceStart", e.enriched());
    m.put("unknownSinceStart", e.unknown());
    m.put("failedSinceStart", e.failed());
    return m;
  }

  /** How much of the catalogue the index covers, as the status and a search's answer show it. */
  static Map<String, Object> coverage(PipelineStatus st) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("papers", st.coverage().papers());
    m.put("embedded", st.coverage().withVector());
    m.put("indexSeq", st.coverage().seq());
    return m;
  }
}
