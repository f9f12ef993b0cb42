/**
 * The citation graph's groundwork (issue 20): what an open scholarly source says about a paper,
 * as plain records that do not depend on any store or index.
 *
 * <p>{@link org.paperlens.citation.CitationSource} is the one seam: given a batch of papers by
 * arXiv id or DOI it returns, for each, a {@link org.paperlens.citation.Lookup} outcome, never an
 * exception, so a source that is down cannot stop ingest, search or pages. A
 * {@link org.paperlens.citation.Work} carries external ids, title, year, venue, the citation count
 * with its date, counts by year, a TLDR with its source, references and citations as
 * {@link org.paperlens.citation.LinkedWork}s (targets that may be outside any catalogue) and
 * authorships with source author ids, ORCID and institutions.
 *
 * <p>Sub-packages: {@code citation.http} (politeness and faults shared by every source),
 * {@code citation.source} (OpenAlex and Semantic Scholar clients, the OpenAlex snapshot reader),
 * {@code citation.match} (resolving a reference to a catalogue paper).
 */
package org.paperlens.citation;
