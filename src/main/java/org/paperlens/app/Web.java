package org.paperlens.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.paperlens.citation.map.CitationMaps;
import org.paperlens.digest.SubscribeLimits;
import org.paperlens.common.Admission;
import org.paperlens.common.RequestGauge;
import org.paperlens.live.EmbedProgress;
import org.paperlens.live.PipelineStatus;
import org.paperlens.search.CitationCounts;
import org.paperlens.search.SearchMode;
import org.paperlens.web.AgentEndpoint;
import org.paperlens.web.WebServer;
import org.paperlens.web.api.CitationResource;
import org.paperlens.web.api.LibraryResource;
import org.paperlens.web.api.ListingResource;
import org.paperlens.web.api.MeResource;
import org.paperlens.web.api.PaperResource;
import org.paperlens.web.api.RecommendationResource;
import org.paperlens.web.api.SearchResource;
import org.paperlens.web.api.StatusResource;
import org.paperlens.web.api.SubmissionResource;
import org.paperlens.web.api.SubscriptionResource;
import org.paperlens.web.api.TokenResource;
import org.paperlens.web.api.VoteResource;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.ServerLimits;
import org.paperlens.web.page.AccountChanges;
import org.paperlens.web.page.AccountPages;
import org.paperlens.web.page.AuthorPages;
import org.paperlens.web.page.CitationFeeds;
import org.paperlens.web.page.CitationPages;
import org.paperlens.web.page.CollectionPages;
import org.paperlens.web.page.Discussion;
import org.paperlens.web.page.ExportRoutes;
import org.paperlens.web.page.FeedRoutes;
import org.paperlens.web.page.ForYou;
import org.paperlens.web.page.IdentityPages;
import org.paperlens.web.page.Identities;
import org.paperlens.web.page.LibraryPages;
import org.paperlens.web.page.Listings;
import org.paperlens.web.page.PaperCitations;
import org.paperlens.web.page.ReadingPages;
import org.paperlens.web.page.SubmitLookup;
import org.paperlens.web.page.SubscriptionPages;
import org.paperlens.web.page.Templates;

/**
 * The web app of a root: each page group and API resource is built with the services it uses,
 * taken from the root's components, and registers its routes in the order listed here.
 */
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
    return server(root, limits, clients, subscriptions, status, new RequestGauge());
  }

  /** @param requests fed with every request the server answers, so background work gives way to them */
  public static WebServer server(PaperLens root, ServerLimits limits, ClientAddresses clients, boolean subscriptions,
      Supplier<PipelineStatus> status, RequestGauge requests) {
    Supplier<PipelineStatus> pipeline = status != null ? status : coverageOnly(root);
    Clock clock = root.clock();
    Templates templates = new Templates(subscriptions);
    Auth auth = new Auth(root.accounts(), root.accountLimits(), clients, root.limitStore().siteKey("csrf"));
    CitationCounts counts = new StoredCounts(root::citations);
    SearchMode defaultMode = new SearchMode.Hybrid(root.config().fusion());
    Listings listings = new Listings(root.catalogue(), root.index(), root.searcher(), root.related(), root.community(),
        root.trendingOrNotable(), defaultMode, root.config().fusion(), clock, counts);
    Digests digests = root.digests();
    AccountChanges changes = new AccountChanges(root.accounts(), root.community(), auth,
        subscriptions ? Optional.of(digests.subscriptions()) : Optional.empty());
    ForYou forYou = new ForYou(root.index(), root.recommender(), root.library(), clock);
    SubmitLookup lookup = new SubmitLookup(root.catalogue(), root.fetcher());
    Identities identities = new Identities(root.citations(), root.index(), clock);
    org.paperlens.index.VectorLookup vectors = root.vectors();
    PaperCitations citations = new PaperCitations(root.citations(), root.catalogue(),
        new CitationMaps(root.citations(), root.catalogue(), vectors::vectorFor, root.related().citations().graph()), clock);

    // One count of confirmation mails for the subscribe page and the API, so neither doubles the other's limits.
    SubscribeLimits mails = new SubscribeLimits(clock, root.limitStore());
    List<Feature> features = new ArrayList<>();
    // First: health checks and metrics answer whatever the pages' routes would make of their paths.
    // One admission for pages, the API and MCP alike: a search costs the same CPU whoever asks.
    Admission admission = new Admission(limits.admission());
    Operators operators = Operators.of(root, pipeline, admission);
    features.add(operators.routes());
    // Pages. Exports before reading: /papers/<id>/export must come before /papers/<id>.
    features.add(new ExportRoutes(root.catalogue(), root.index(), root.library(), listings, templates));
    // Before reading: /papers/<id>/references, /citations and /map must come before /papers/<id>.
    features.add(new CitationPages(listings, citations, templates));
    features.add(new ReadingPages(root.catalogue(), root.community(), root.moderation(), root.library(), root.trending(), defaultMode, clock,
        pipeline, listings, citations, templates));
    features.add(new AuthorPages(listings, identities, templates));
    features.add(new LibraryPages(root.catalogue(), root.community(), root.library(), listings, templates, forYou, lookup,
        counts));
    // Its API routes /papers/<id>/comments come before the API's bare /papers/<id> (PaperResource).
    features.add(new Discussion(root.community(), listings, clock));
    features.add(new AccountPages(root.accounts(), auth, templates, changes));
    features.add(new org.paperlens.web.page.ModerationPages(root.moderation(), templates));
    if (subscriptions) {
      features.add(new SubscriptionPages(digests.subscriptions(), digests.nudge(), digests.canSendMail(), templates, mails,
          clients, root.accounts()));
      // Before FeedRoutes: its /feeds/<token> would take /feeds/citing/... for a token.
      features.add(new CitationFeeds(digests.citationAlerts(root.index()), root.citations(), listings, digests.subscriptions(),
          digests.links()));
      // Before the collections: /users/{name}/tags/<tag>/feed must come before /users/{name}/tags/<tag>.
      features.add(new FeedRoutes(root.catalogue(), root.library(), clock, digests.subscriptions(),
          digests.links(), listings, forYou, templates));
    }
    features.add(new CollectionPages(root.catalogue(), root.community(), root.library(), templates, counts, digests.links()));
    // After the author feeds (FeedRoutes): /authors/id/feed stays the feed of an author named "id".
    features.add(new IdentityPages(identities, listings, templates));
    // The JSON API.
    features.add(new CitationResource(listings, citations));
    features.add(new PaperResource(listings, root.community(), root.library(), citations));
    features.add(new VoteResource(listings, root.community()));
    features.add(new StatusResource(pipeline));
    features.add(new ListingResource(listings, root.trending()));
    features.add(new SearchResource(listings, pipeline));
    features.add(new MeResource(root.accounts(), changes));
    features.add(new LibraryResource(listings, root.library(), root.catalogue(), counts));
    features.add(new RecommendationResource(forYou));
    features.add(new SubmissionResource(root.community(), lookup));
    features.add(new TokenResource(auth));
    features.add(new org.paperlens.web.api.ModerationResource(root.moderation()));
    // Always: the API is one document (OpenAPI) whatever the server serves as pages.
    features.add(new SubscriptionResource(digests.subscriptions(), root.accounts(), digests.nudge(), clients, mails));
    // The agent interface at /mcp: the same services as the pages and the API, the API's body limit.
    AgentEndpoint agent = new AgentEndpoint(Agent.services(root), root.accounts(), limits.maxBodyBytes(), root.mail().baseUrl());
    return root.own(new WebServer(limits, clients, auth, templates, features, agent, root.mail().baseUrl(), requests,
        operators.observer(), admission));
  }

  /** Without a pipeline (a static index): the status is the index's coverage alone. */
  private static Supplier<PipelineStatus> coverageOnly(PaperLens root) {
    var index = root.index();
    return () -> new PipelineStatus(index.coverage(), index.coverage().seq(), EmbedProgress.NONE, null, null);
  }
}
