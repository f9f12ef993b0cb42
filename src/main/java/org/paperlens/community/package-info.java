/**
 * What the community does with papers: upvotes, submissions, comments ({@link
 * org.paperlens.community.CommentStore}), the per-paper signal totals, and
 * the trending ranking built from them ({@link org.paperlens.community.Trending}). Also the shared
 * connection ({@link org.paperlens.store.Database}) that the account and library stores use.
 */
package org.paperlens.community;
