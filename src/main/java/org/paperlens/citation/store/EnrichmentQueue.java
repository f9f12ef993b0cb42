package org.paperlens.citation.store;

/**
 * How many papers stand where in one source's enrichment queue.
 *
 * @param due papers whose time to be asked has come (the never-asked ones included)
 * @param pending papers queued and never asked
 */
public record EnrichmentQueue(long due, long pending, long found, long unknown, long bad) {

  public static final EnrichmentQueue EMPTY = new EnrichmentQueue(0, 0, 0, 0, 0);
}
