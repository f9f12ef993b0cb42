/**
 * The web app and the JSON API: server assembly ({@link org.paperlens.web.WebServer}), the pages
 * (in {@code web.page}: server-rendered Mustache templates that work without JavaScript), /api/v1 handlers, and the
 * one place exceptions become responses ({@code Problems}: problem+json under /api, an HTML page
 * elsewhere). Every request body is read up front, under time and concurrency bounds
 * ({@code RequestBodies}, {@link org.paperlens.web.ServerLimits}). HTTP only: the data comes from the catalogue, the index, search, related,
 * recommend, and the account, community and library stores, all built once by the caller
 * ({@link org.paperlens.web.WebServices}).
 */
package org.paperlens.web;
