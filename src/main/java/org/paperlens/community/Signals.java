package org.paperlens.community;

/** The community's running totals for one paper. */
public record Signals(int upvotes, int saves, int submissions) {
  public static final Signals NONE = new Signals(0, 0, 0);
}
