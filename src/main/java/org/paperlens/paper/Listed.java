package org.paperlens.paper;

/** A paper in a daily listing, with the upvotes the listing is ordered by. */
public record Listed(Paper paper, int upvotes) {}
