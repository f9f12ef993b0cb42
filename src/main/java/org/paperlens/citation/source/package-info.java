/**
 * The open scholarly sources behind {@link org.paperlens.citation.CitationSource}:
 * {@link org.paperlens.citation.source.OpenAlexSource} (works by DOI, arXiv papers by their
 * DataCite DOI), {@link org.paperlens.citation.source.SemanticScholarSource} (the Graph API's
 * {@code paper/batch}), and {@link org.paperlens.citation.source.OpenAlexSnapshotReader}, which
 * reads an OpenAlex snapshot's {@code works} partition into the same records without any request.
 * Each source's JSON is turned into records in one class ({@code OpenAlexWorks},
 * {@code SemanticScholarPapers}), shared by the client and, for OpenAlex, the snapshot reader.
 */
package org.paperlens.citation.source;
