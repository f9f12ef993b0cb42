package org.paperlens.web.page;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.paperlens.citation.store.AuthorIdentity;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.digest.CitationAlerts;
import org.paperlens.digest.Links;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import org.paperlens.feed.PaperFeed;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;

/**
 * Citation alerts as Atom (default) and RSS ({@code ?format=rss}) feeds, under {@code /feeds/citing/}:
 * the new papers citing a paper ({@code paper/ID}), an author by name ({@code author/NAME}) or
 * by identity ({@code identity/N}), and, behind the private feed token of the account page, a
 * member's library ({@code /feeds/TOKEN/citing}) or one tag of it ({@code ?tag=}). The same alerts
 * as the digests ({@link CitationAlerts}), the one paperlens learnt of last first; each entry says
 * what the paper cites and is dated when paperlens learnt it. HTTP only.
 */
public final class CitationFeeds implements Feature {

  private final CitationAlerts alerts;
  private final CitationStore citations;
  private final Listings listings;
  private final Subscriptions subscriptions;
  private final Links links;

  public CitationFeeds(CitationAlerts alerts, CitationStore citations, Listings listings, Subscriptions subscriptions, Links links) {
    this.alerts = alerts;
    this.citations = citations;
    this.listings = listings;
    this.subscriptions = subscriptions;
    this.links = links;
  }

  /** The feed path of the papers citing {@code id}, for the paper page's follow links. */
  static String paperPath(PaperId id) {
    return "/feeds/citing/paper/" + id.value();
  }

  /** The feed path of the papers citing an author, by name. */
  static String authorPath(String name) {
    return "/feeds/citing/author/" + org.paperlens.web.http.Urls.pathSegment(name);
  }

  /** The feed path of the papers citing one author identity. */
  static String identityPath(long id) {
    return "/feeds/citing/identity/" + id;
  }

  void paper(Context ctx) {
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    String title = p.title() == null ? p.id().value() : p.title();
    send(ctx, "New papers citing “" + title + "”", "New papers that cite " + p.id(), "/papers/" + p.id().value(),
        new Topic.CitingPaper(p.id()), null, true);
  }

  void author(Context ctx) {
    String name = AuthorPages.name(ctx);
    send(ctx, "New papers citing " + name, "New papers that cite a paper by " + name, Views.authorPath(name),
        new Topic.CitingAuthor(name, null), null, true);
  }

  void identity(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("'" + ctx.pathParam("id") + "' is not an author identity's number");
    }
    AuthorIdentity who = citations.identity(id).orElseThrow(() -> HttpProblem.notFound("no author identity " + id));
    send(ctx, "New papers citing " + who.name(), "New papers that cite a paper by " + who.name() + " (" + who.source().displayName()
        + " author " + who.sourceId() + ")", Identities.path(id), new Topic.CitingAuthor(who.name(), id), null, true);
  }

  /** A member's library or tag, for a feed reader that cannot log in: the private feed token of the account page. */
  void personal(Context ctx) {
    String owner = subscriptions.feedOwner(ctx.pathParam("token"))
        .orElseThrow(() -> HttpProblem.notFound("no feed at this address (the link was reset or mistyped)"));
    String tag = Params.text(ctx, "tag");
    Topic.Citing topic = tag == null ? new Topic.CitingLibrary() : new Topic.CitingTag(tag);
    send(ctx, tag == null ? "New papers citing your library" : "New papers citing your tag " + tag,
        "New papers that cite papers saved in your paperlens library",
        "/library" + (tag == null ? "" : "?tag=" + org.paperlens.web.http.Urls.encode(tag)), topic, owner, false);
  }

  private void send(Context ctx, String title, String description, String page, Topic.Citing topic, String user, boolean shared) {
    List<CitationAlerts.Alert> latest = alerts.latest(topic, user, FeedRoutes.FEED_SIZE);
    Map<PaperId, PaperFeed.Note> notes = new LinkedHashMap<>();
    for (CitationAlerts.Alert a : latest) {
      notes.put(a.citing().id(), new PaperFeed.Note("Cites " + a.cited().stream()
          .map(c -> "“" + (c.title() == null ? c.id().value() : c.title()) + "” (" + links.paper(c.id()) + ")")
          .collect(Collectors.joining("; ")) + ".", a.firstSeen()));
    }
    FeedRoutes.send(ctx, links, title, description, page, latest.stream().map(CitationAlerts.Alert::citing).toList(), notes, shared);
  }

  @Override
  public void register(Routes routes) {
    // Before FeedRoutes' /feeds/<token>, which would take these paths for tokens.
    routes.get("/feeds/citing/paper/<id>", this::paper);
    routes.get("/feeds/citing/author/{name}", this::author);
    routes.get("/feeds/citing/identity/{id}", this::identity);
    routes.get("/feeds/{token}/citing", this::personal);
  }
}
