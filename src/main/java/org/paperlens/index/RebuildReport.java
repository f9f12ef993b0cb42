package org.paperlens.index;

/**
 * What a whole-index build did.
 *
 * @param location where the index went: a generation directory, or a Solr collection
 */
public record RebuildReport(int papers, int withVector, String location, double seconds) {}
