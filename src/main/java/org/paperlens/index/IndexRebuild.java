package org.paperlens.index;

import org.paperlens.common.Progress;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.paper.CatalogueStore;

/**
 * The whole-index write side: every live paper of the catalogue, with its stored vector, written
 * into the index afresh, published only when complete (searches see the old index until then).
 * The in-place write side is {@link IndexUpdates}. Implemented for the embedded index by
 * {@link IndexBuilder#into} and for SolrCloud by {@link org.paperlens.index.solr.SolrIndex}.
 */
@FunctionalInterface
public interface IndexRebuild {

  IndexBuilder.Report rebuild(CatalogueStore store, IndexBuilder.VectorLookup vectors, Progress progress);
}
