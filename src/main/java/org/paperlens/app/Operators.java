package org.paperlens.app;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.paperlens.digest.OutboxStore;
import org.paperlens.index.Filters;
import org.paperlens.live.PipelineStatus;
import org.paperlens.ops.Operations;
import org.paperlens.ops.Readiness;
import org.paperlens.ops.RequestLog;
import org.paperlens.ops.RequestRecord;
import org.paperlens.ops.ServiceMetrics;
import org.paperlens.web.OperatorRoutes;

/**
 * The operators' surface of a root's web server: readiness over the pages' own catalogue
 * connection and index, metrics over the pipeline and the outbox, the request log when asked for.
 */
record Operators(OperatorRoutes routes, Consumer<RequestRecord> observer) {

  static Operators of(PaperLens root, Supplier<PipelineStatus> pipeline, org.paperlens.common.Admission admission) {
    Operations ops = root.operations();
    var catalogue = root.catalogue();
    var index = root.index();
    // The probes use what pages use: the catalogue's connection and the index's searcher.
    Readiness readiness = root.own(new Readiness(
        () -> "at change " + catalogue.sequence(),
        () -> index.count("paperlens", Filters.NONE) >= 0 ? index.coverage().papers() + " papers" : "",
        pipeline));
    OutboxStore outbox = new OutboxStore(root.database());
    Supplier<Map<String, Long>> outboxCounts = outbox::countsByState;
    ServiceMetrics metrics = root.own(new ServiceMetrics(pipeline, outboxCounts));
    metrics.watch(admission);
    Consumer<RequestRecord> observer = ops.requestLog() ? metrics.andThen(new RequestLog(ops.logOut(), java.time.Clock.systemUTC())) : metrics;
    return new Operators(new OperatorRoutes(readiness, metrics, ops.metricsToken()), observer);
  }
}
