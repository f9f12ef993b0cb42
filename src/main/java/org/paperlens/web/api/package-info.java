/**
 * The JSON API under /api/v1, one class per resource (papers, votes, search, daily and trending,
 * status, library, submissions, recommendations, the caller's account, tokens), each registering
 * its own routes and given only the services it uses. The same data as the pages
 * ({@code web.page.Views}); lists are paged with {@code page} (from 1) and {@code limit}, and each
 * says whether there is more. Documented in {@code web/openapi.json}, which a test holds to the
 * routes registered here (the comment, author and collection resources live beside their pages).
 */
package org.paperlens.web.api;
