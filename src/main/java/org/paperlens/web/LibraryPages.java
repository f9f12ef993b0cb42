package org.paperlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/** The pages and forms of a member: upvote, save with tags, the library, submitting a paper. HTTP only. */
final class LibraryPages {

  private final WebServices s;
  private final Listings listings;
  private final Templates templates;
  private final ForYou forYou;

  LibraryPages(WebServices s, Listings listings, Templates templates, ForYou forYou) {
    this.s = s;
    this.listings = listings;
    this.templates = templates;
    this.forYou = forYou;
  }

  void recommended(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    String tag = Params.text(ctx, "tag");
    int days = Params.integer(ctx, "days", 30, 1, 3650);
    Map<String, Object> m = new HashMap<>(forYou.recommend(me, tag, days, 20));
    m.put("title", "Recommended for you");
    List<Map<String, Object>> windows = new ArrayList<>();
    for (int d : ForYou.WINDOWS) {
      windows.add(Map.of("days", d, "url", Urls.of("/recommended", new java.util.LinkedHashMap<>(Map.of("days", d))) + (tag == null ? "" : "&tag=" + Urls.encode(tag)),
          "current", d == days));
    }
    m.put("windows", windows);
    List<Map<String, Object>> tags = new ArrayList<>();
    s.library().tags(me).forEach((t, n) -> tags.add(Map.of("tag", t, "url", Urls.of("/recommended", Map.of("tag", t, "days", days)),
        "current", t.equals(tag))));
    m.put("tags", tags);
    m.put("allUrl", Urls.of("/recommended", Map.of("days", days)));
    m.put("empty", ((List<?>) m.get("papers")).isEmpty());
    ctx.html(templates.render("recommended", ctx, m));
  }

  void vote(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    PaperId id = listings.paper(Params.paperId(ctx.pathParam("id"))).id();
    if ("undo".equals(ctx.formParam("action"))) {
      s.community().undoUpvote(me, id);
    } else {
      s.community().upvote(me, id);
    }
    ctx.redirect(Urls.localOr(ctx.formParam("back"), "/papers/" + id), HttpStatus.SEE_OTHER);
  }

  void save(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    PaperId id = listings.paper(Params.paperId(ctx.pathParam("id"))).id();
    if ("remove".equals(ctx.formParam("action"))) {
      s.library().remove(me, id);
    } else {
      s.library().save(me, id, LibraryStore.parseTags(Params.form(ctx, "tags")));
    }
    ctx.redirect(Urls.localOr(ctx.formParam("back"), "/papers/" + id), HttpStatus.SEE_OTHER);
  }

  void library(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    String tag = Params.text(ctx, "tag");
    Map<String, Object> m = new HashMap<>();
    m.put("title", tag == null ? "Your library" : "Your library: " + tag);
    m.put("tag", tag);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (LibraryStore.Entry e : s.library().list(me, tag)) {
      Optional<Paper> p = s.catalogue().find(e.paperId());
      Map<String, Object> v = p.map(paper -> Views.listed(paper, s.community().signals(paper.id()).upvotes()))
          .orElseGet(() -> new HashMap<>(Map.of("id", e.paperId().value(), "title", e.paperId().value(), "url", "/papers/" + e.paperId())));
      v.put("tags", e.tags());
      v.put("tagText", String.join(", ", e.tags()));
      v.put("added", e.added().toString().substring(0, 10));
      entries.add(v);
    }
    m.put("entries", entries);
    m.put("empty", entries.isEmpty());
    List<Map<String, Object>> tags = new ArrayList<>();
    s.library().tags(me).forEach((t, n) -> tags.add(Map.of("tag", t, "count", n, "url", Urls.of("/library", Map.of("tag", t)),
        "current", t.equals(tag))));
    m.put("tags", tags);
    ctx.html(templates.render("library", ctx, m));
  }

  void submitForm(Context ctx) {
    submitPage(ctx, null, null);
  }

  void submit(Context ctx) {
    Account me = member(ctx);
    if (me == null) {
      return;
    }
    String raw = Params.form(ctx, "paper");
    String comment = Params.form(ctx, "comment");
    Optional<ArxivId> id = ArxivId.parse(raw);
    if (id.isEmpty()) {
      ctx.status(400);
      submitPage(ctx, raw, raw == null ? "Enter an arXiv id (2401.01234) or an arXiv URL."
          : "'" + raw + "' is not an arXiv id or arXiv URL; try the form 2401.01234 or https://arxiv.org/abs/2401.01234.");
      return;
    }
    Optional<Paper> paper = s.catalogue().find(id.get().id());
    if (paper.isEmpty()) {
      ctx.status(404);
      submitPage(ctx, raw, "arXiv " + id.get().id() + " is not in the catalogue yet. The harvester adds new papers"
          + " daily; check the id, or try again after the next harvest.");
      return;
    }
    boolean added = s.community().submit(me, id.get().id(), comment);
    ctx.redirect("/papers/" + id.get().id() + "?done=" + (added ? "submitted" : "already"), HttpStatus.SEE_OTHER);
  }

  private void submitPage(Context ctx, String value, String error) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", "Submit a paper");
    m.put("value", value);
    m.put("error", error);
    List<Map<String, Object>> recent = new ArrayList<>();
    s.community().recentSubmissions(20).forEach(sub -> {
      Map<String, Object> v = new HashMap<>();
      v.put("id", sub.paperId().value());
      v.put("url", "/papers/" + sub.paperId());
      v.put("title", s.catalogue().find(sub.paperId()).map(p -> MathText.plain(p.title())).orElse(sub.paperId().value()));
      v.put("submitter", sub.submitter());
      v.put("comment", sub.comment());
      v.put("at", sub.at().toString().substring(0, 10));
      recent.add(v);
    });
    m.put("recent", recent);
    ctx.html(templates.render("submit", ctx, m));
  }

  /** The logged-in account, or null after redirecting to the log-in page. */
  static Account member(Context ctx) {
    Optional<Account> me = Auth.account(ctx);
    if (me.isEmpty()) {
      String back = ctx.method().name().equals("GET") ? ctx.path() : "/";
      ctx.redirect(Urls.of("/login", Map.of("back", back)), HttpStatus.SEE_OTHER);
      return null;
    }
    return me.get();
  }
}
