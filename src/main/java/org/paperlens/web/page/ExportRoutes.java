package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.common.BadInputException;
import org.paperlens.export.BibtexImport;
import org.paperlens.export.CitationFormat;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.Paper;
import org.paperlens.search.SearchHit;
import org.paperlens.search.SearchRequest;
import org.paperlens.web.WebServices;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;

/**
 * Citation downloads (BibTeX, RIS, CSL-JSON) of a paper, a search result page and a library or
 * tag, and BibTeX upload into the library. HTTP only; {@link CitationFormat} and
 * {@link BibtexImport} do the work.
 */
public final class ExportRoutes {

  private final WebServices s;
  private final Listings listings;
  private final Templates templates;

  public ExportRoutes(WebServices s, Listings listings, Templates templates) {
    this.s = s;
    this.listings = listings;
    this.templates = templates;
  }

  public void paper(Context ctx) {
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    download(ctx, p.id().value().replace('/', '-'), List.of(p));
  }

  public void search(Context ctx) {
    SearchRequest request = Params.search(ctx, listings::mode, ReadingPages.SEARCH_PAGE);
    if (request == null) {
      throw HttpProblem.badRequest("an export of search results needs a query: /search/export?q=...");
    }
    List<Paper> papers = new ArrayList<>();
    for (SearchHit h : listings.search(request).result().hits()) {
      s.catalogue().find(h.paper().id()).ifPresent(papers::add);
    }
    download(ctx, "search", papers);
  }

  public void library(Context ctx) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    String tag = Params.text(ctx, "tag");
    List<Paper> papers = new ArrayList<>();
    for (LibraryStore.Entry e : s.library().list(me, tag)) {
      s.catalogue().find(e.paperId()).ifPresent(papers::add);
    }
    download(ctx, tag == null ? "library" : "library-" + tag.replaceAll("[^A-Za-z0-9_-]", "_"), papers);
  }

  public void importForm(Context ctx) {
    if (LibraryPages.member(ctx) == null) {
      return;
    }
    importPage(ctx, null, null, null);
  }

  /** Matches an uploaded (or pasted) BibTeX file against the catalogue and saves the matches, with the tags given. */
  public void importBibtex(Context ctx) throws java.io.IOException {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    UploadedFile file = ctx.uploadedFile("file");
    String pasted = ctx.formParam("bibtex");
    String tags = Params.form(ctx, "tags");
    if (file == null && (pasted == null || pasted.isBlank())) {
      ctx.status(400);
      importPage(ctx, tags, null, "Choose a .bib file or paste BibTeX entries.");
      return;
    }
    BibtexImport.Report report;
    try (Reader in = file != null ? new InputStreamReader(file.content(), StandardCharsets.UTF_8) : new StringReader(pasted)) {
      report = new BibtexImport(s.catalogue(), s.index()).match(in, file != null ? file.filename() : "the pasted text");
    } catch (BadInputException e) {
      ctx.status(400);
      importPage(ctx, tags, null, e.getMessage());
      return;
    }
    List<String> tagList = LibraryStore.parseTags(tags);
    for (BibtexImport.Entry e : report.matched()) {
      s.library().save(me, e.paper(), tagList);
    }
    importPage(ctx, tags, report, null);
  }

  private void importPage(Context ctx, String tags, BibtexImport.Report report, String error) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", "Import BibTeX into your library");
    m.put("tags", tags);
    m.put("error", error);
    if (report != null) {
      m.put("report", Boolean.TRUE);
      m.put("matchedCount", report.matched().size());
      m.put("unmatchedCount", report.unmatched().size());
      m.put("matched", report.matched().stream().map(e -> Map.of("key", e.key(), "title", String.valueOf(e.title()),
          "url", "/papers/" + e.paper(), "by", e.by().label())).toList());
      m.put("unmatched", report.unmatched().stream().map(e -> Map.of("key", e.key(), "title", String.valueOf(e.title()))).toList());
    }
    ctx.html(templates.render("library-import", ctx, m));
  }

  private static void download(Context ctx, String name, List<Paper> papers) {
    CitationFormat format;
    try {
      format = CitationFormat.parse(Params.text(ctx, "format") == null ? "bibtex" : Params.text(ctx, "format"));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"");
    ctx.contentType(format.mediaType() + "; charset=utf-8").result(format.write(papers));
  }
}
