/**
 * What the front page and the trending list show on a site with few voters: trending once enough
 * members vote ({@link org.paperlens.notable.TrendingOrNotable}), and until then "New and notable"
 * ({@link org.paperlens.notable.NewAndNotable}): the newest listings, with a small published score
 * for code, members' interest and citations, each paper saying why it is there.
 */
package org.paperlens.notable;
