/**
 * Bringing papers in: one reader per source format, the merge rules that make re-imports
 * idempotent ({@link org.paperlens.ingest.Revisions}), batched atomic imports, and the OAI-PMH
 * harvester.
 */
package org.paperlens.ingest;
