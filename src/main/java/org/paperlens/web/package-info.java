/**
 * The web app and the JSON API. {@link org.paperlens.web.WebServer} assembles them on one embedded
 * Jetty (via Javalin): the HTTP plumbing of {@code web.http}, the pages (server-rendered Mustache
 * templates that work without JavaScript) and the /api/v1 handlers, each registering its own routes.
 * HTTP only: the data comes from the catalogue, the index, search, related, recommend, and the
 * account, community and library stores, all built once by the application root ({@code org.paperlens.app}).
 */
package org.paperlens.web;
