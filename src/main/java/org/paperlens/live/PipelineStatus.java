package org.paperlens.live;

import org.paperlens.index.IndexCoverage;

/**
 * What the server's pipeline has done, for the start-up line, the status API and the pages.
 *
 * @param coverage what searches see now
 * @param catalogueSeq the catalogue's latest change number: the index lags by {@code catalogueSeq - coverage.seq()}
 * @param toEmbed papers still waiting for an embedding (as of the embedder's last scan), newest first
 * @param embedRate papers embedded per second over the last run, 0 when idle
 * @param lastHarvest when and how the last harvest ended, or null
 * @param lastImport when and how the last watched-folder import ended, or null
 * @param enrichment each configured citation source's queue and health; empty when none is configured
 */
public record PipelineStatus(IndexCoverage coverage, long catalogueSeq, long toEmbed, double embedRate,
    String lastHarvest, String lastImport, java.util.List<EnrichmentStatus> enrichment) {

  public PipelineStatus {
    enrichment = java.util.List.copyOf(enrichment);
  }

  public PipelineStatus(IndexCoverage coverage, long catalogueSeq, long toEmbed, double embedRate, String lastHarvest,
      String lastImport) {
    this(coverage, catalogueSeq, toEmbed, embedRate, lastHarvest, lastImport, java.util.List.of());
  }

  /** One line, e.g. for the log. */
  public String describe() {
    return String.format("%,d papers searchable by keyword, %,d by meaning%s; index at change %,d of %,d",
        coverage.papers(), coverage.withVector(),
        toEmbed > 0 ? String.format(" (%,d being embedded, newest first%s)", toEmbed,
            embedRate > 0 ? String.format(", %.1f papers/s", embedRate) : "") : "",
        coverage.seq(), catalogueSeq)
        + enrichment.stream().map(e -> "; " + e.describe()).collect(java.util.stream.Collectors.joining());
  }
}
