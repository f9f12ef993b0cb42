package org.paperlens.index;

import java.util.List;
import org.paperlens.paper.PaperId;

/**
 * What the learned recommender reads straight from an index: term weights and vectors of many
 * papers in one pass over postings. An engine offers it through {@link PaperIndex#featureSource}
 * (the embedded Lucene index does, SolrCloud does not); without it the recommender works from
 * {@link PaperIndex} alone (see {@link org.paperlens.recommend.Recommender}).
 */
public interface FeatureSource {

  /**
   * The features a learned ranking needs: rows for the {@code profile} papers (in that order),
   * then for every other paper passing {@code window}, each with its vector and its weights over
   * the profile papers' distinctive words. Cost: one pass over those words' postings plus one
   * vector copy per row; valid only while this index is open.
   *
   * @throws IllegalArgumentException when a profile paper is not in the index
   */
  PaperFeatures features(List<PaperId> profile, Filters window);
}
