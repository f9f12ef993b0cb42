package org.paperlens.citation;

import java.time.Instant;

/**
 * The outcome of asking a source for one paper. Sources return these instead of throwing, so a
 * caller handles every case in one exhaustive {@code switch} and a failing source cannot escape
 * into ingest, search or a page.
 */
public sealed interface Lookup {

  WorkKey key();

  /** The source knows the paper. */
  record Found(WorkKey key, Work work) implements Lookup {}

  /** The source answered, and does not know this id: worth asking again only much later. */
  record UnknownId(WorkKey key) implements Lookup {}

  /**
   * The source could not be reached or kept failing (timeouts, 5xx, 429 past the longest wait).
   *
   * @param since when the source was first seen failing in the current run of failures, for
   *     {@code /api/v1/status} and the log ("unreachable since …")
   * @param reason the last failure, one line
   */
  record SourceUnavailable(WorkKey key, SourceName source, Instant since, String reason) implements Lookup {}

  /**
   * The source answered with something this client cannot use: malformed or truncated JSON after
   * retries, a body over the size limit, a refusal (4xx other than 429). Retrying the same request
   * soon would give the same answer.
   */
  record BadResponse(WorkKey key, SourceName source, String reason) implements Lookup {}
}
