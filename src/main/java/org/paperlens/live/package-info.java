/**
 * The living service: what {@code paperlens serve} runs in the background so papers flow in every
 * day without a restart. {@link org.paperlens.live.Pipeline} harvests on a schedule and imports a
 * watched folder, embeds newest first at a bounded share of the CPU, and applies catalogue changes
 * past the index's watermark to the live index in place. Every stage keeps its progress in the
 * catalogue, so a kill at any point is recovered by a restart. The pipeline owns the threads;
 * each stage's work is a class of its own ({@code HarvestStage}, {@code EmbedStage},
 * {@code IndexStage}). {@link org.paperlens.live.CatalogueSource} is the catalogue as an index is
 * rebuilt from it (live papers with their stored vectors).
 */
package org.paperlens.live;
