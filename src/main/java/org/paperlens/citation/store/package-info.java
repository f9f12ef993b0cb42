/**
 * Citation data at rest: {@link org.paperlens.citation.store.CitationStore} keeps what the sources
 * said (works, edges, counts, venue, TLDR, author identities) and the enrichment queue, on SQLite
 * and PostgreSQL (migration V13), and answers the pages, the API, the graph and citation alerts.
 */
package org.paperlens.citation.store;
