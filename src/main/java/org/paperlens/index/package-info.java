/**
 * The search index, derived from the catalogue and rebuildable from it at any time: Lucene
 * documents and fields ({@code PaperFields} names every one), the query language, atomic
 * rebuilds into generations, and the {@link org.paperlens.index.PaperIndex} seam that a SolrCloud
 * backend can implement.
 */
package org.paperlens.index;
