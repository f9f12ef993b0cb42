/**
 * The HTML pages, one controller per feature (reading: daily, trending, search and the paper
 * page; authors; collections; the library and recommendations; accounts; subscriptions; the
 * discussion; feeds; citation exports), server-rendered Mustache templates that work without
 * JavaScript ({@link org.paperlens.web.page.Templates}), and the cached read model the pages and
 * the JSON API share ({@link org.paperlens.web.page.Listings} behind {@link org.paperlens.web.page.Memo}
 * caches, pages for visitors rendered once as {@link org.paperlens.web.page.SharedPage}s).
 * HTTP only: the rules live in the feature packages.
 */
package org.paperlens.web.page;
