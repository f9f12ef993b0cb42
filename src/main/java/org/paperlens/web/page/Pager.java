package org.paperlens.web.page;

import java.util.function.IntFunction;

/**
 * A list's page number and the links to its neighbours, for a page's pager ({@code {{#pager}}} in
 * the templates); a link is null where there is no such page.
 */
public record Pager(int page, String prevPageUrl, String nextPageUrl) {

  /** Page {@code page} (from 1), with a next page when there is {@code more}; {@code url} links page n. */
  static Pager of(int page, boolean more, IntFunction<String> url) {
    return new Pager(page, page > 1 ? url.apply(page - 1) : null, more ? url.apply(page + 1) : null);
  }
}
