/**
 * The search index, derived from the catalogue and rebuildable from it at any time: the
 * engine-neutral API only. The seams any engine serves: {@link org.paperlens.index.PaperIndex}
 * (reads), {@link org.paperlens.index.IndexUpdates} (in-place writes), {@link org.paperlens.index.IndexRebuild}
 * (whole rebuilds), together {@link org.paperlens.index.LiveSearchIndex}; the optional
 * {@link org.paperlens.index.FeatureSource} capability; the field names every engine shares
 * ({@link org.paperlens.index.PaperFields}); the query language ({@link org.paperlens.index.QueryText}).
 * Nothing here imports an engine: Lucene is in {@code index.lucene}, SolrCloud in {@code index.solr}.
 */
package org.paperlens.index;
