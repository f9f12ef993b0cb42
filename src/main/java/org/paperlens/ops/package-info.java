/**
 * The operators' surface of a running server: is it alive and ready for traffic
 * ({@link org.paperlens.ops.Readiness}, answered at {@code /health/live} and {@code /health/ready}),
 * what is it doing ({@link org.paperlens.ops.ServiceMetrics}, Prometheus text at {@code /metrics}),
 * and what did it do ({@link org.paperlens.ops.LogLine}: one timestamped, levelled line per event,
 * the same for paperlens's own lines, java.util.logging and SLF4J; {@link org.paperlens.ops.RequestLog}).
 * No HTTP here: the web layer mounts these; the application root feeds them.
 */
package org.paperlens.ops;
