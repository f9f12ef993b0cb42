package org.paperlens.index;

import org.paperlens.common.Progress;

/**
 * The whole-index write side: every paper of an {@link IndexSource}, with its vector, written into
 * the index afresh, published only when complete (searches see the old index until then). The
 * in-place write side is {@link IndexUpdates}. Implemented for the embedded index by
 * {@code index.lucene.IndexBuilder#into} and for SolrCloud by {@code index.solr.SolrIndex}.
 */
@FunctionalInterface
public interface IndexRebuild {

  RebuildReport rebuild(IndexSource papers, Progress progress);
}
