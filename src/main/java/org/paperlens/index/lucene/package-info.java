/**
 * The embedded engine, Lucene: the only package that imports Lucene. Documents
 * ({@link org.paperlens.index.lucene.PaperDocument}) and their analysis
 * ({@link org.paperlens.index.lucene.PaperAnalyzer}), the query parser, atomic rebuilds into
 * generations ({@link org.paperlens.index.lucene.IndexBuilder}, {@link org.paperlens.index.lucene.IndexDirectory}),
 * the read side ({@link org.paperlens.index.lucene.LuceneIndex}) and the live index a server updates
 * in place ({@link org.paperlens.index.lucene.LiveIndex}), snippets, more-like-this and the feature
 * reader behind {@link org.paperlens.index.FeatureSource}. The SolrCloud client borrows its text
 * analysis and query parser to mirror the embedded engine exactly.
 */
package org.paperlens.index.lucene;
