package org.paperlens.search;

import java.util.concurrent.Semaphore;

/**
 * Lets at most a fixed number of queries run through the model at once, the others wait their
 * turn. A transformer pass keeps a core busy for several milliseconds; fifty concurrent requests
 * each starting one would only slice the same cores thinner and make every answer late, while
 * queueing lets the first ones finish at full speed.
 */
public final class BoundedQueryEncoder implements QueryEncoder {

  private final QueryEncoder encoder;
  private final Semaphore permits;

  public BoundedQueryEncoder(QueryEncoder encoder, int concurrent) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("at least one query must be allowed to run, was " + concurrent);
    }
    this.encoder = encoder;
    this.permits = new Semaphore(concurrent, true);
  }

  @Override
  public float[] embedQuery(String query) {
    permits.acquireUninterruptibly();
    try {
      return encoder.embedQuery(query);
    } finally {
      permits.release();
    }
  }
}
