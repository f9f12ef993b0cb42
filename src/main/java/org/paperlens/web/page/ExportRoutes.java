package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.paperlens.account.Account;
import org.paperlens.common.BadInputException;
import org.paperlens.export.BibtexImport;
import org.paperlens.export.CitationFormat;
import org.paperlens.index.PaperIndex;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.search.SearchHit;
import org.paperlens.search.SearchRequest;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;

/**
 * Citation downloads (BibTeX, RIS, CSL-JSON) of a paper, a search result page and a library or
 * tag, and BibTeX upload into the library. HTTP only; {@link CitationFormat} and
 * {@link BibtexImport} do the work.
 */
public final class ExportRoutes implements Feature {

  private final CatalogueStore catalogue;
  private final PaperIndex index;
  private final LibraryStore library;
  private final Listings listings;
  private final Templates templates;

  public ExportRoutes(CatalogueStore catalogue, PaperIndex index, LibraryStore library, Listings listings, Templates templates) {
    this.catalogue = catalogue;
    this.index = index;
    this.library = library;
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
      catalogue.find(h.paper().id()).ifPresent(papers::add);
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
    for (LibraryStore.Entry e : library.list(me, tag)) {
      catalogue.find(e.paperId()).ifPresent(papers::add);
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
    List<String> tagList = LibraryStore.parseTags(tags);
    BibtexImport.Report report;
    // Entry by entry: each match is saved as it is read, and a bad entry is reported with its line, the rest imported.
    try (Reader in = file != null ? new java.io.BufferedReader(new InputStreamReader(file.content(), StandardCharsets.UTF_8)) : new StringReader(pasted)) {
      List<BibtexImport.Entry> entries = new java.util.ArrayList<>();
      List<BibtexImport.BadEntry> bad = new java.util.ArrayList<>();
      new BibtexImport(catalogue, index).each(in, outcome -> {
        switch (outcome) {
          case BibtexImport.Read r -> {
            if (r.entry().matched()) {
              library.save(me, r.entry().paper(), tagList);
            }
            entries.add(r.entry());
          }
          case BibtexImport.Unreadable u -> bad.add(u.bad());
        }
      });
      if (entries.isEmpty() && !bad.isEmpty()) {
        throw new BadInputException(file != null ? file.filename() : "the pasted text", "no entry could be read: " + bad.getFirst().describe()
            + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more)" : ""));
      }
      report = new BibtexImport.Report(entries, bad);
    } catch (BadInputException e) {
      ctx.status(400);
      importPage(ctx, tags, null, e.getMessage());
      return;
    }
    importPage(ctx, tags, report, null);
  }

  private void importPage(Context ctx, String tags, BibtexImport.Report report, String error) {
    ImportView v = report == null ? new ImportView("Import BibTeX into your library", tags, error, false, 0, 0, List.of(), List.of(), List.of())
        : new ImportView("Import BibTeX into your library", tags, error, true, report.matched().size(), report.unmatched().size(),
            report.matched().stream().map(e -> new Matched(e.key(), String.valueOf(e.title()), "/papers/" + e.paper(), e.by().label())).toList(),
            report.unmatched().stream().map(e -> new Unmatched(e.key(), String.valueOf(e.title()))).toList(),
            report.bad().stream().map(BibtexImport.BadEntry::describe).toList());
    ctx.html(templates.render("library-import", ctx, v));
  }

  /** The BibTeX import page ({@code library-import.mustache}): the form and, after an upload ({@code report}), what matched. */
  record ImportView(String title, String tags, String error, boolean report, int matchedCount, int unmatchedCount, List<Matched> matched,
      List<Unmatched> unmatched, List<String> skipped) {
    /** Whether some entries could not be read (the template's heading for them). */
    public boolean anySkipped() {
      return !skipped.isEmpty();
    }
  }

  /** An entry found in the catalogue, saved to the library, and how it was matched. */
  record Matched(String key, String title, String url, String by) {}

  /** An entry the catalogue does not have. */
  record Unmatched(String key, String title) {}

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

  @Override
  public void register(Routes routes) {
    // Before /papers/<id> (ReadingPages), whose <id> also matches slashes.
    routes.get("/papers/<id>/export", this::paper);
    routes.get("/search/export", this::search);
    routes.get("/library/export", this::library);
    routes.get("/library/import", this::importForm);
    routes.post("/library/import", this::importBibtex);
  }
}
