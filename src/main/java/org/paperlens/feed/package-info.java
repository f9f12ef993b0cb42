/**
 * Atom and RSS feeds of paper lists (daily papers, trending, searches, public tags, a private
 * per-user feed), written with Rome ({@link org.paperlens.feed.FeedWriter}). What goes in a list is
 * decided elsewhere; this package only publishes it.
 */
package org.paperlens.feed;
