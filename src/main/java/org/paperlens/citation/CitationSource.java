package org.paperlens.citation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An open scholarly source of citation data (OpenAlex, Semantic Scholar).
 *
 * <p>Contract: {@link #lookup} returns exactly one {@link Lookup} per key, in the order asked, and
 * never throws for anything the network or the source does; it is bounded in time by the source's
 * limits (per request time and attempts), and returns {@link Lookup.SourceUnavailable} at once,
 * without a request, while a source that failed is cooling down. Implementations split a long
 * batch into the source's largest allowed requests and pace them as the source asks. Safe to call
 * from several threads; requests to one source are made one at a time.
 */
public interface CitationSource extends AutoCloseable {

  SourceName name();

  List<Lookup> lookup(List<WorkKey> keys);

  /** Since when the source has been failing, or empty when its last request succeeded. */
  Optional<Instant> unavailableSince();

  /** Releases the HTTP client; never throws. */
  @Override
  void close();
}
