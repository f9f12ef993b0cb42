/**
 * Bringing papers in: one reader per source format, the merge rules that make re-imports
 * idempotent ({@link org.paperlens.ingest.Revisions}), the limits that keep any input from
 * exhausting memory or storing garbage ({@code RecordLimits}, {@link org.paperlens.ingest.FetchLimits}),
 * batched atomic imports, and the OAI-PMH harvester.
 */
package org.paperlens.ingest;
