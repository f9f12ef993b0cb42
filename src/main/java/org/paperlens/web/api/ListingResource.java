package org.paperlens.web.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.paperlens.community.Trending;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.page.Listings;
import org.paperlens.web.page.TrendingList;
import org.paperlens.web.page.ReadingPages;

/**
 * {@code /daily} and {@code /trending}: the day's listing (paged, filtered) and the community's
 * trending list, or new and notable while too few members vote ({@code list} says which).
 */
public final class ListingResource implements Feature {

  private final Listings listings;
  private final Trending trending;

  public ListingResource(Listings listings, Trending trending) {
    this.listings = listings;
    this.trending = trending;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.GET, "/daily", this::daily);
    routes.api(HandlerType.GET, "/trending", this::trending);
  }

  void daily(Context ctx) {
    Listings.View view = ReadingPages.view(ctx);
    int limit = Params.integer(ctx, "limit", Listings.DAILY_PAGE, 1, 100);
    Listings.Daily d = listings.daily(Params.date(ctx, "date"), view, ReadingPages.listingFilter(ctx),
        Params.integer(ctx, "page", 1, 1, 10_000), limit);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", d.date().toString());
    m.put("view", view.name().toLowerCase(Locale.ROOT));
    m.put("from", d.from().toString());
    m.put("to", d.to().toString());
    m.put("total", d.total());
    Map<String, Integer> perDay = new LinkedHashMap<>();
    d.perDay().forEach((day, n) -> perDay.put(day.toString(), n));
    m.put("perDay", perDay);
    m.put("category", d.filter().categories().isEmpty() ? null : d.filter().categories().stream().sorted().toList());
    m.put("code", d.filter().withCode());
    m.put("perCategory", d.perCategory());
    m.put("previous", d.previous() == null ? null : d.previous().toString());
    m.put("next", d.next() == null ? null : d.next().toString());
    m.put("page", d.page());
    m.put("limit", d.pageSize());
    m.put("more", d.more());
    m.put("papers", d.papers());
    ctx.json(m);
  }

  void trending(Context ctx) {
    String w = Params.text(ctx, "window");
    Trending.Window window = w == null ? Trending.Window.WEEK : Trending.Window.parse(w);
    int limit = Params.integer(ctx, "limit", 30, 1, 100);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("window", window.label());
    m.put("halfLifeHours", window.halfLife.toHours());
    TrendingList list = listings.trending(window, limit);
    // "list" says which ranking this is: trending, or new and notable while fewer than minVoters members vote.
    m.put("list", list.list());
    m.put("label", list.label());
    m.put("why", list.why());
    m.put("voters", list.voters());
    m.put("minVoters", list.minVoters());
    m.put("formula", list.formula());
    m.put("minAccountAgeHours", trending.minAccountAge().toHours());
    m.put("papers", list.papers());
    ctx.json(m);
  }
}
