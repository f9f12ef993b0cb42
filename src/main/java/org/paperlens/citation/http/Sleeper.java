package org.paperlens.citation.http;

import java.time.Duration;

/** Waits; the seam through which tests replace real waiting by advancing a fake clock. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(d);

  void sleep(Duration d) throws InterruptedException;
}
