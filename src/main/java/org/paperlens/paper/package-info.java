/**
 * Papers and the catalogue that stores them: the system of record. Identity ({@link
 * org.paperlens.paper.PaperId}, {@link org.paperlens.paper.ArxivId}), text normalisation, the one author-name fold ({@link org.paperlens.paper.AuthorNames}), what a
 * paper's text says beyond its fields (its code links, {@link org.paperlens.paper.CodeLinks}; its
 * TeX as readable text, {@link org.paperlens.paper.TexText}), and the only SQL that touches papers
 * ({@link org.paperlens.paper.CatalogueStore} with its package-private helpers for listing days and
 * ingest bookkeeping, narrowed by a {@link org.paperlens.paper.ListingFilter}). A daily listing is
 * ordered by the catalogue's columns and the community's counts, which it receives through
 * {@link org.paperlens.paper.ListingSignals} (owned here, answered by the community store). The Java
 * schema step {@code CodeLinksMigration} lives here and is registered by
 * {@link org.paperlens.paper.CatalogueMigrations}.
 */
package org.paperlens.paper;
