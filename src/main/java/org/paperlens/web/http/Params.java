package org.paperlens.web.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.PaperId;

/**
 * Reads request parameters with limits: every malformed value becomes a 400 that names the
 * parameter, so bad input never reaches the stores or the index as anything but plain values.
 */
public final class Params {

  public static final int MAX_TEXT = 500;

  private Params() {}

  /** The parameter (query string, then form field) stripped, or null when absent or blank. */
  public static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null && isForm(ctx)) {
      v = ctx.formParam(name);
    }
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.length() > MAX_TEXT) {
      throw HttpProblem.badRequest("parameter '" + name + "' is longer than " + MAX_TEXT + " characters");
    }
    return v.strip();
  }

  public static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.length() > MAX_TEXT) {
      throw HttpProblem.badRequest("field '" + name + "' is longer than " + MAX_TEXT + " characters");
    }
    return v.strip();
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.startsWith("application/x-www-form-urlencoded");
  }

  public static int integer(Context ctx, String name, int fallback, int min, int max) {
    String v = text(ctx, name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw HttpProblem.badRequest("parameter '" + name + "' must be between " + min + " and " + max + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("parameter '" + name + "' must be a whole number, was '" + v + "'");
    }
  }

  /**
   * The earliest and latest date a request may name. ISO dates allow years up to ±999,999,999,
   * where a week or month view, a previous/next link or an index filter (epoch days as int)
   * overflows; four-digit years are all a paper catalogue needs.
   */
  public static final LocalDate MIN_DATE = LocalDate.of(1000, 1, 1);
  public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

  /** A date parameter as YYYY-MM-DD between {@link #MIN_DATE} and {@link #MAX_DATE}, or null when absent. */
  public static LocalDate date(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null) {
      return null;
    }
    LocalDate d;
    try {
      d = LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw HttpProblem.badRequest("parameter '" + name + "' must be a date as YYYY-MM-DD, was '" + v + "'");
    }
    if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
      throw HttpProblem.badRequest("parameter '" + name + "' must be a date from " + MIN_DATE + " to " + MAX_DATE + ", was '" + v + "'");
    }
    return d;
  }

  /** Comma-separated or repeated values, e.g. {@code category=cs.LG,cs.CL}. */
  public static Set<String> list(Context ctx, String name) {
    Set<String> out = new LinkedHashSet<>();
    List<String> raw = new ArrayList<>(ctx.queryParams(name));
    for (String v : raw) {
      if (v.length() > MAX_TEXT) {
        throw HttpProblem.badRequest("parameter '" + name + "' is longer than " + MAX_TEXT + " characters");
      }
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    if (out.size() > 20) {
      throw HttpProblem.badRequest("at most 20 values of '" + name + "'");
    }
    return out;
  }

  /**
   * A yes/no parameter such as {@code code}: absent, empty, "0", "false" or "no" is false; "1",
   * "true", "yes" or "on" (what a checked checkbox sends) is true; anything else a 400.
   */
  public static boolean flag(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null) {
      return false;
    }
    return switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "1", "true", "yes", "on" -> true;
      case "0", "false", "no", "off" -> false;
      default -> throw HttpProblem.badRequest("parameter '" + name + "' must be true or false, was '" + v + "'");
    };
  }

  /** The daily listing's filter: category (comma-separated or repeated) and code. */
  public static org.paperlens.paper.ListingFilter listing(Context ctx) {
    return new org.paperlens.paper.ListingFilter(list(ctx, "category"), flag(ctx, "code"));
  }

  /** A paper id from a path: an arXiv id in any common form, or scheme:local-id. */
  public static PaperId paperId(String raw) {
    if (raw == null || raw.isBlank() || raw.length() > 200) {
      throw HttpProblem.badRequest("not a paper id");
    }
    return ArxivId.parse(raw).map(ArxivId::id).orElseGet(() -> new PaperId(raw.strip()));
  }

  /**
   * The order a request asks for ({@code sort}: relevance, date, votes or citations), relevance when not
   * given: for a search its ranking, for a list its own order (an author's newest first, a
   * collection's most recently added first). Anything else is a 400.
   */
  public static org.paperlens.search.SortOrder sort(Context ctx) {
    String s = text(ctx, "sort");
    try {
      return s == null ? org.paperlens.search.SortOrder.RELEVANCE : org.paperlens.search.SortOrder.parse(s);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
  }

  /** The match rule a request asks for ({@code match}: all, the default, or any). Anything else is a 400. */
  public static org.paperlens.index.Match match(Context ctx) {
    String m = text(ctx, "match");
    try {
      return m == null ? org.paperlens.index.Match.ALL : org.paperlens.index.Match.parse(m);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
  }

  /**
   * The search a request asks for: q, mode, match, from, to, category, author, page (from 1), limit, sort.
   * Returns null when there is no query (an empty search form). {@code modes} reads a mode name (null: the default).
   */
  public static org.paperlens.search.SearchRequest search(Context ctx,
      java.util.function.Function<String, org.paperlens.search.SearchMode> modes, int defaultLimit) {
    String q = text(ctx, "q");
    org.paperlens.search.SearchMode mode;
    try {
      mode = modes.apply(text(ctx, "mode"));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    int limit = integer(ctx, "limit", defaultLimit, 1, org.paperlens.search.SearchRequest.MAX_LIMIT);
    int maxPage = org.paperlens.search.SearchRequest.MAX_OFFSET / limit + 1;
    int page = integer(ctx, "page", 1, 1, maxPage);
    org.paperlens.index.Filters filters;
    try {
      filters = new org.paperlens.index.Filters(date(ctx, "from"), date(ctx, "to"), list(ctx, "category"), text(ctx, "author"),
          flag(ctx, "code"));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    if (q == null) {
      return null;
    }
    return new org.paperlens.search.SearchRequest(q, mode, filters, (page - 1) * limit, limit, sort(ctx), match(ctx));
  }
}
