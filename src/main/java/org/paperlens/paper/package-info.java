/**
 * Papers and the catalogue that stores them: the system of record. Identity ({@link
 * org.paperlens.paper.PaperId}, {@link org.paperlens.paper.ArxivId}), text normalisation, the one author-name fold ({@link org.paperlens.paper.AuthorNames}), what a
 * paper's text says beyond its fields (its code links, {@link org.paperlens.paper.CodeLinks}; its
 * TeX as readable text, {@link org.paperlens.paper.TexText}), and the only SQL that touches papers
 * ({@link org.paperlens.paper.CatalogueStore}, narrowed by a {@link org.paperlens.paper.ListingFilter}).
 */
package org.paperlens.paper;
