/**
 * The search index in a SolrCloud collection ({@code --solr URL}): {@link org.paperlens.index.solr.SolrIndex}
 * serves the engine-neutral {@link org.paperlens.index.PaperIndex} and both write sides over SolrJ
 * (JDK HTTP client, no Lucene or Jetty of Solr's on the class path). The collection's config set is
 * {@code solr/configset}; the SolrCloud the tests run is {@code solr-cluster/}, in its own JVM.
 */
package org.paperlens.index.solr;
