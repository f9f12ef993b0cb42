/**
 * The one application root. {@link org.paperlens.app.PaperLens} is built from the configuration,
 * the index engine ({@link org.paperlens.app.IndexBackend}: embedded Lucene or SolrCloud) and a
 * clock; it owns every long-lived component (catalogue, the other stores' connection, index,
 * encoder, search, related, recommendations, {@link org.paperlens.app.Digests}), opens each on
 * first use and closes them in reverse order. Every command, {@code serve}
 * ({@link org.paperlens.app.Serving}: web app, digest schedule, background pipeline) and the tests
 * take their objects from it, so the command line and the server cannot be wired differently.
 */
package org.paperlens.app;
