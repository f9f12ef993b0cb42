package org.paperlens.web.page;

import java.util.ArrayList;
import java.util.List;
import org.paperlens.community.Trending;
import org.paperlens.notable.NewAndNotable;
import org.paperlens.notable.Notable;
import org.paperlens.notable.TrendingOrNotable;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;

/**
 * The trending list, or its new-and-notable stand-in while too few members vote, as the home page,
 * the trending page, its feed and the API show it.
 *
 * @param list {@code trending} or {@code new-and-notable}
 * @param why one sentence on why new and notable is shown; null for trending
 */
public record TrendingList(String list, String label, String formula, String why, int voters, int minVoters,
    List<Views.TrendingPaper> papers) {

  public boolean notable() {
    return why != null;
  }

  static TrendingList of(TrendingOrNotable.Shown shown, Trending.Window window, CatalogueStore catalogue) {
    List<Views.TrendingPaper> out = new ArrayList<>();
    return switch (shown) {
      case TrendingOrNotable.Shown.ByVotes v -> {
        for (Trending.Entry e : v.entries()) {
          out.add(Views.trending(e, catalogue.find(e.id()).orElse(null)));
        }
        yield new TrendingList("trending", "Trending this " + window.label(), Trending.FORMULA, null, v.voters(), v.minVoters(), out);
      }
      case TrendingOrNotable.Shown.NewAndNotable n -> {
        for (Notable e : n.entries()) {
          out.add(notable(e, catalogue.find(e.id()).orElse(null)));
        }
        yield new TrendingList("new-and-notable", TrendingOrNotable.LABEL, NewAndNotable.FORMULA, TrendingOrNotable.why(n, window),
            n.voters(), n.minVoters(), out);
      }
    };
  }

  private static Views.TrendingPaper notable(Notable n, Paper p) {
    Views.Summary s = p == null ? Views.summary(n.id().value(), null, List.of(), null, null)
        : Views.summary(p.id().value(), p.title(), p.authors(), p.primaryCategory(), Views.date(p.firstListed()));
    return new Views.TrendingPaper(s.id(), s.title(), s.titleHtml(), s.authors(), s.authorLine(), s.authorLinks(), s.primaryCategory(),
        s.date(), s.url(), n.rank(), n.score(), new Views.Components(n.interest().upvotes(), n.interest().saves(),
        n.interest().submissions()), n.reasons());
  }
}
