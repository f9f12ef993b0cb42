package org.paperlens.web.http;

import java.time.Duration;
import org.paperlens.common.Admission;

/**
 * How much a client may hold of the server while its request arrives. A request body is read by
 * a worker thread that blocks until the bytes come, so a client that declares a body and sends it
 * slowly (or never) holds that thread; these limits bound how long and how many.
 *
 * @param idleTimeout a connection that sends nothing for this long is dropped; a body read that
 *     waits this long is answered 408. Headers are read without a thread, so slow headers only
 *     cost a socket until this timeout.
 * @param minBodyRate bytes per second a body must keep arriving at once it has started; slower is
 *     answered 408 (a trickle of one byte per almost-idle-timeout would otherwise hold a thread
 *     for hours)
 * @param bodyReadsPerClient request bodies read at once for one client address; more are answered
 *     429 at once, without waiting for their bodies
 * @param bodyReadsInTotal request bodies read at once for everyone; more are answered 503. Kept
 *     well under {@code maxThreads}, so reading pages never waits for slow uploads.
 * @param maxThreads worker threads
 * @param maxBodyBytes the largest form or JSON body; multipart uploads may be larger (up to
 *     {@code maxUploadBytes})
 * @param maxUploadBytes the largest multipart body (a BibTeX file)
 * @param admission how many expensive requests (searches, related papers, recommendations) are
 *     computed at once, how many wait, and for how long ({@link InFlight})
 */
public record ServerLimits(Duration idleTimeout, int minBodyRate, int bodyReadsPerClient, int bodyReadsInTotal,
    int maxThreads, int maxBodyBytes, int maxUploadBytes, Admission.Limits admission) {

  /** What {@code paperlens serve} uses unless told otherwise: admission by this machine's cores. */
  public static final ServerLimits DEFAULT = new ServerLimits(Duration.ofSeconds(20), 512, 16, 64, 200, 64 * 1024, 4 * 1024 * 1024,
      Admission.Limits.forCores(Runtime.getRuntime().availableProcessors()));

  public ServerLimits {
    if (bodyReadsPerClient < 1 || bodyReadsInTotal < bodyReadsPerClient || maxThreads <= bodyReadsInTotal + 8) {
      throw new IllegalArgumentException("need 1 <= bodyReadsPerClient <= bodyReadsInTotal < maxThreads - 8, was "
          + bodyReadsPerClient + ", " + bodyReadsInTotal + ", " + maxThreads);
    }
  }

  /** These limits with another idle timeout (tests wait for it). */
  public ServerLimits withIdleTimeout(Duration timeout) {
    return new ServerLimits(timeout, minBodyRate, bodyReadsPerClient, bodyReadsInTotal, maxThreads, maxBodyBytes, maxUploadBytes, admission);
  }

  /** These limits with other admission limits. */
  public ServerLimits withAdmission(Admission.Limits limits) {
    return new ServerLimits(idleTimeout, minBodyRate, bodyReadsPerClient, bodyReadsInTotal, maxThreads, maxBodyBytes, maxUploadBytes, limits);
  }
}
