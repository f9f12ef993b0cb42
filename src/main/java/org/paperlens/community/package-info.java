/**
 * What the community does with papers: upvotes, submissions, comments ({@link
 * org.paperlens.community.CommentStore}), the per-paper signal totals (which also count the library's
 * saves: the community store is the library's {@code SaveCounter}), the counts that order a daily
 * listing ({@code ListingSignals}), and the trending ranking built from them
 * ({@link org.paperlens.community.Trending}). Names and account ages come from the account store,
 * saves from the library store, inside the community store's own transactions.
 */
package org.paperlens.community;
