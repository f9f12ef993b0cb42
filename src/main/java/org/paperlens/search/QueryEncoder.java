package org.paperlens.search;

/** Turns a query into the vector space the papers were embedded in (with the model's query instruction). */
@FunctionalInterface
public interface QueryEncoder {
  float[] embedQuery(String query);
}
