/**
 * Recommendations from likes and dislikes: a ranking of recently listed papers for a set of liked
 * papers (and optional disliked ones), each with the words and liked papers that weigh most for it.
 * {@link org.paperlens.recommend.Recommender} is the entry point; the learned model
 * ({@link org.paperlens.recommend.LogisticRegression}) and the centroid baseline are both linear
 * scorers over the same features (embedding plus distinctive-word weights).
 */
package org.paperlens.recommend;
