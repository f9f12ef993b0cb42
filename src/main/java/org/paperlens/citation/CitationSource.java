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

  /**
   * How much to read. A paper's references are read once ({@link #EVERYTHING}); later refreshes
   * ask only for what changes (counts, venue, TLDR, citers), which is cheaper in requests and bytes.
   */
  enum Reading { EVERYTHING, REFRESH }

  /** Everything the source knows of each paper: as {@link #lookup(List, Reading)} with {@link Reading#EVERYTHING}. */
  List<Lookup> lookup(List<WorkKey> keys);

  /**
   * As {@link #lookup(List)}, reading only what {@code reading} says; a refresh answers with
   * {@link Edges.NotGiven} references (what was stored stays). Sources that cannot tell the two
   * apart read everything.
   */
  default List<Lookup> lookup(List<WorkKey> keys, Reading reading) {
    return lookup(keys);
  }

  /** The most keys one request takes (what an efficient caller batches by). */
  default int batchSize() {
    return 50;
  }

  /** Since when the source has been failing, or empty when its last request succeeded. */
  Optional<Instant> unavailableSince();

  /** Releases the HTTP client; never throws. */
  @Override
  void close();
}
