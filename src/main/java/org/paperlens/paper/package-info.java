/**
 * Papers and the catalogue that stores them: the system of record. Identity ({@link
 * org.paperlens.paper.PaperId}, {@link org.paperlens.paper.ArxivId}), text normalisation, and the
 * only SQL that touches papers ({@link org.paperlens.paper.CatalogueStore}).
 */
package org.paperlens.paper;
