package org.paperlens.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paperlens.paper.ListingFilter;

/**
 * The daily page ({@code daily.mustache}): one page of a day's, week's or month's listing, its
 * navigation and filters; the list itself comes rendered ({@code papersHtml}), once per shared page.
 *
 * @param emptyCatalogue the catalogue has no paper at all (the page then says how to add some)
 * @param front on the home page (the newest day, first page), the top of trending, or of new and
 *     notable while too few members vote; null elsewhere
 */
public record DailyView(String title, String date, Choice view, int total, String from, String to, String dayUrl, String weekUrl,
    String monthUrl, String previousUrl, String nextUrl, boolean withCode, boolean filtered, String dayUrlAll,
    List<CategoryCount> categories, boolean allCategories, List<DayCount> days, String papersHtml, boolean empty,
    boolean emptyCatalogue, Pager pager, Front front) {

  /** The few papers of trending (or new and notable) the home page shows above the day's listing. */
  public record Front(String title, String why, List<Views.TrendingPaper> papers) {
    static final int SHOWN = 5;

    /** The list's top papers, or null when it has none (an empty catalogue). */
    static Front of(TrendingList list) {
      if (list == null || list.papers().isEmpty()) {
        return null;
      }
      return new Front(list.notable() ? list.label() : "Trending this week", list.why(),
          list.papers().subList(0, Math.min(SHOWN, list.papers().size())));
    }
  }

  /** A category in the filter's list, with how many papers it has in the period. */
  public record CategoryCount(String category, int count, boolean selected) {}

  /** A day of a week's or month's listing, with its count and its own page. */
  public record DayCount(String day, int count, String url) {}

  public boolean hasDays() {
    return !days.isEmpty();
  }

  static DailyView of(Listings.Daily d, String papersHtml, boolean emptyCatalogue, TrendingList front) {
    Listings.View view = d.view();
    ListingFilter filter = d.filter();
    String v = view.name().toLowerCase(Locale.ROOT);
    String title = switch (view) {
      case DAY -> "Papers of " + d.date();
      case WEEK -> "Papers of the week " + d.from() + " to " + d.to();
      case MONTH -> "Papers of " + d.from().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + d.from().getYear();
    };
    List<CategoryCount> categories = new ArrayList<>();
    d.perCategory().forEach((c, n) -> categories.add(new CategoryCount(c, n, filter.categories().contains(c))));
    List<DayCount> days = new ArrayList<>();
    if (view != Listings.View.DAY) {
      d.perDay().forEach((day, n) -> days.add(new DayCount(day.toString(), n, ReadingPages.dailyUrl(day, "day", filter, 1))));
    }
    return new DailyView(title, d.date().toString(), new Choice(v), d.total(), d.from().toString(), d.to().toString(),
        ReadingPages.dailyUrl(d.date(), "day", filter, 1), ReadingPages.dailyUrl(d.date(), "week", filter, 1),
        ReadingPages.dailyUrl(d.date(), "month", filter, 1),
        d.previous() == null ? null : ReadingPages.dailyUrl(d.previous(), v, filter, 1),
        d.next() == null ? null : ReadingPages.dailyUrl(d.next(), v, filter, 1),
        filter.withCode(), !filter.equals(ListingFilter.NONE), ReadingPages.dailyUrl(d.date(), v, ListingFilter.NONE, 1),
        categories, filter.categories().isEmpty(), days, papersHtml, d.papers().isEmpty(), emptyCatalogue,
        Pager.of(d.page(), d.more(), p -> ReadingPages.dailyUrl(d.date(), v, filter, p)), Front.of(front));
  }

  /** The daily page's feeds. */
  static FollowLinks follow(ListingFilter filter) {
    return FollowLinks.ofFeeds("Daily papers" + (filter.withCode() ? " with code" : ""),
        org.paperlens.web.http.Urls.of("/daily/feed", ReadingPages.filterParams(filter)));
  }
}
