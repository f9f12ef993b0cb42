package org.paperlens.live;

import org.paperlens.common.StageStatus;
import org.paperlens.index.IndexCoverage;

/**
 * What the server's pipeline has done, for the start-up line, the status API and the pages.
 *
 * @param coverage what searches see now
 * @param catalogueSeq the catalogue's latest change number: the index lags by {@code catalogueSeq - coverage.seq()}
 * @param embedding how far embedding has got, counted from the catalogue; {@link EmbedProgress#NONE} without an embedder
 * @param lastHarvest when and how the last harvest ended, or null
 * @param lastImport when and how the last watched-folder import ended, or null
 * @param enrichment each configured citation source's queue and health; empty when none is configured
 * @param stages each background stage's fault record (watch, harvest, embed, index, enrich, digest):
 *     failing or not, its last fault, when it started, when it is retried
 */
public record PipelineStatus(IndexCoverage coverage, long catalogueSeq, EmbedProgress embedding,
    String lastHarvest, String lastImport, java.util.List<EnrichmentStatus> enrichment, java.util.List<StageStatus> stages) {

  public PipelineStatus {
    enrichment = java.util.List.copyOf(enrichment);
    stages = java.util.List.copyOf(stages);
  }

  public PipelineStatus(IndexCoverage coverage, long catalogueSeq, EmbedProgress embedding, String lastHarvest,
      String lastImport, java.util.List<EnrichmentStatus> enrichment) {
    this(coverage, catalogueSeq, embedding, lastHarvest, lastImport, enrichment, java.util.List.of());
  }

  public PipelineStatus(IndexCoverage coverage, long catalogueSeq, EmbedProgress embedding, String lastHarvest,
      String lastImport) {
    this(coverage, catalogueSeq, embedding, lastHarvest, lastImport, java.util.List.of(), java.util.List.of());
  }

  /** The stages failing now, each with its last fault and next retry; empty when all is well. */
  public java.util.List<StageStatus> failing() {
    return stages.stream().filter(StageStatus::failing).toList();
  }

  /** Papers still waiting for an embedding, counted from the catalogue. */
  public long toEmbed() {
    return embedding.toEmbed();
  }

  /** Papers embedded per second over the last minute, 0 when idle. */
  public double embedRate() {
    return embedding.rate();
  }

  /** One line, e.g. for the log. */
  public String describe() {
    return String.format("%,d papers searchable by keyword, %,d by meaning%s; index at change %,d of %,d",
        coverage.papers(), coverage.withVector(),
        embedding.toEmbed() > 0 ? " (embedding newest first: " + embedding.describe() + ")" : "",
        coverage.seq(), catalogueSeq)
        + enrichment.stream().map(e -> "; " + e.describe()).collect(java.util.stream.Collectors.joining())
        + failing().stream().map(f -> "; " + f.describe()).collect(java.util.stream.Collectors.joining());
  }
}
