package org.paperlens.community;

/**
 * What members did with one paper in a span of time, every account counted however new: a site's
 * first members are its only readers, and this is what shows a small site's interest (see
 * {@code notable.NewAndNotable}); trending, a ranking people might game, counts only old accounts.
 *
 * @param commenters how many members commented on it (several comments of one member count once)
 */
public record Interest(int upvotes, int saves, int submissions, int commenters) {

  public static final Interest NONE = new Interest(0, 0, 0, 0);

  public boolean any() {
    return upvotes + saves + submissions + commenters > 0;
  }
}
