package org.paperlens.app;

import java.util.function.Supplier;
import org.paperlens.live.PipelineStatus;
import org.paperlens.search.SearchMode;
import org.paperlens.web.DigestServices;
import org.paperlens.web.WebServer;
import org.paperlens.web.WebServices;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.ServerLimits;

/** The web app of a root: every page and API resource gets its services from the root's components. */
public final class Web {

  private Web() {}

  /**
   * A web server over {@code root}, not started; the root closes it.
   *
   * @param subscriptions whether to serve subscriptions and feeds
   * @param status what the background pipeline has done; null for a static index (its coverage alone)
   */
  public static WebServer server(PaperLens root, ServerLimits limits, ClientAddresses clients, boolean subscriptions,
      Supplier<PipelineStatus> status) {
    var c = root.config();
    WebServices services = status == null
        ? new WebServices(root.catalogue(), root.index(), root.searcher(), root.related(), root.recommender(), root.accounts(),
            root.community(), root.library(), root.trending(), root.accountLimits(), new SearchMode.Hybrid(c.fusion()),
            c.fusion(), root.fetcher(), root.clock())
        : new WebServices(root.catalogue(), root.index(), root.searcher(), root.related(), root.recommender(), root.accounts(),
            root.community(), root.library(), root.trending(), root.accountLimits(), new SearchMode.Hybrid(c.fusion()),
            c.fusion(), root.fetcher(), root.clock(), status);
    Digests d = root.digests();
    DigestServices digest = subscriptions ? new DigestServices(d.subscriptions(), d.links(), d.nudge(), d.canSendMail()) : null;
    return root.own(new WebServer(services, digest, limits, clients));
  }
}
