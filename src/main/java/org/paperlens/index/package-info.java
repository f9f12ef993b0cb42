/**
 * The search index, derived from the catalogue and rebuildable from it at any time. The seams any
 * engine serves: {@link org.paperlens.index.PaperIndex} (reads), {@link org.paperlens.index.IndexUpdates}
 * (in-place writes), {@link org.paperlens.index.IndexRebuild} (whole rebuilds), together
 * {@link org.paperlens.index.LiveSearchIndex}; the query language ({@link org.paperlens.index.QueryText}).
 * The embedded engine, Lucene: documents and fields ({@code PaperFields} names every one, for Solr too),
 * atomic rebuilds into generations, and the Lucene-only {@link org.paperlens.index.FeatureSource}.
 * SolrCloud is in {@code index.solr}.
 */
package org.paperlens.index;
