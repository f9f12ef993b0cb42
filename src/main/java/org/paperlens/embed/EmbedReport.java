package org.paperlens.embed;

/**
 * What one run of {@link CatalogueEmbedder} did.
 *
 * @param embedded papers embedded in this run (new, or re-embedded because their text changed)
 * @param upToDate papers whose stored vector already matched their text
 * @param withoutText papers with neither title nor abstract, which cannot be embedded
 * @param leftForLater stale papers not embedded because of the run's limit
 * @param seconds wall-clock time of the run, scan included
 */
public record EmbedReport(long embedded, long upToDate, long withoutText, long leftForLater, double seconds) {

  public double papersPerSecond() {
    return embedded / Math.max(seconds, 1e-9);
  }

  /** One line for people and for the benchmark script, which reads the papers/s figure from it. */
  public String summary() {
    return String.format("embedded %,d, already up to date %,d, without text %,d, left for a later run %,d;"
        + " %.1f s, %.1f papers/s", embedded, upToDate, withoutText, leftForLater, seconds, papersPerSecond());
  }
}
