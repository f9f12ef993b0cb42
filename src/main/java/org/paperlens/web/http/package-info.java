/**
 * HTTP plumbing shared by the pages and the JSON API, free of any feature: Jetty's limits
 * ({@link org.paperlens.web.http.ServerLimits}, {@link org.paperlens.web.http.BodySizeLimit}), request bodies read
 * up front under time and concurrency bounds ({@link org.paperlens.web.http.RequestBodies}), the client's
 * address behind trusted proxies ({@link org.paperlens.web.http.ClientAddresses}), sessions, API tokens and
 * CSRF checks ({@link org.paperlens.web.http.Auth}), request parameters and URLs ({@link org.paperlens.web.http.Params},
 * {@link org.paperlens.web.http.Urls}), and the one place exceptions become responses
 * ({@link org.paperlens.web.http.Problems}: problem+json under /api, an HTML page elsewhere, rendered by the pages).
 */
package org.paperlens.web.http;
