/**
 * The citation map of a paper, as Connected Papers draws one: which papers go on it (references,
 * citers and co-cited or coupled neighbours, {@link org.paperlens.citation.map.CitationMaps}), how
 * alike each two are (shared references and citers, and text vectors where both are catalogue
 * papers), and where each goes ({@link org.paperlens.citation.map.MapLayout}). Drawing is the web
 * layer's: it gets a laid-out {@link org.paperlens.citation.map.CitationMap}.
 */
package org.paperlens.citation.map;
