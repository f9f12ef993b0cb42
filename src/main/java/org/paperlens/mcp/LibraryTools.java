package org.paperlens.mcp;

import static org.paperlens.mcp.Schema.array;
import static org.paperlens.mcp.Schema.bool;
import static org.paperlens.mcp.Schema.input;
import static org.paperlens.mcp.Schema.integer;
import static org.paperlens.mcp.Schema.object;
import static org.paperlens.mcp.Schema.props;
import static org.paperlens.mcp.Schema.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * A member's library: list it, save a paper (with tags), remove one. Each needs the member's API
 * token; without one the tool says how to get it.
 */
final class LibraryTools {

  private final Services services;

  LibraryTools(Services services) {
    this.services = services;
  }

  List<AgentTool> tools() {
    return List.of(list(), add(), remove());
  }

  private static final Map<String, Object> TAG = string("A tag (kept in lower case; no commas).", LibraryStore.MAX_TAG_LENGTH);
  private static final Map<String, Object> ID = string("The paper's id, e.g. 2401.00101.", 200);
  private static final String NEEDS_TOKEN = " Needs the member's API token.";

  /** A saved paper: when it was saved and with which tags. */
  record Saved(String id, String title, List<String> authors, String date, String url, String added, List<String> tags) {}

  private AgentTool list() {
    Map<String, Object> in = input(props("tag", TAG, "limit", integer("How many papers.", 1, 100, 50),
        "offset", integer("Papers to skip, for the next page.", 0, 100_000, 0)));
    Map<String, Object> out = object(props(
        "member", string("Whose library this is."), "tag", string(null), "total", Schema.integer("Papers saved (with the tag)."),
        "tags", Schema.counts("Every tag of the library with its number of papers."),
        "papers", array("Most recently saved first.", object(props("id", Shapes.ID, "title", string(null), "authors", Shapes.AUTHORS,
            "date", Shapes.DATE, "url", Shapes.URL, "added", string("When it was saved (an ISO-8601 instant)."),
            "tags", array(null, string(null))), "id", "added", "tags"))), "member", "total", "tags", "papers");
    return new AgentTool("library_list", "List my library",
        "The papers the member saved to their library, most recently saved first, with their tags; one tag's papers with 'tag'."
            + NEEDS_TOKEN,
        in, out, AgentTool.Effect.READS, (args, caller) -> {
          Account me = caller.required();
          String tag = args.text("tag");
          List<LibraryStore.Entry> all = services.library().list(me, tag);
          int offset = args.integer("offset", 0, 0, 100_000);
          int limit = args.integer("limit", 50, 1, 100);
          List<Saved> papers = new ArrayList<>();
          for (LibraryStore.Entry e : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
            Paper p = services.catalogue().find(e.paperId()).orElse(null);
            papers.add(new Saved(e.paperId().value(), p == null ? null : p.title(), p == null ? List.of() : p.authors(),
                p == null ? null : Shapes.date(p.firstListed()), p == null ? Shapes.url(e.paperId()) : p.sourcePage(),
                e.added().toString(), e.tags()));
          }
          return new ListAnswer(me.name(), tag, all.size(), services.library().tags(me), papers);
        });
  }

  record ListAnswer(String member, String tag, int total, Map<String, Integer> tags, List<Saved> papers) {}

  private AgentTool add() {
    Map<String, Object> in = input(props("id", ID,
        "tags", array("Tags to file it under (replacing its tags when it is saved already).", TAG, LibraryStore.MAX_TAGS)), "id");
    Map<String, Object> out = object(props("id", Shapes.ID, "title", string(null), "saved", bool(null),
        "tags", array(null, string(null))), "id", "saved", "tags");
    return new AgentTool("library_add", "Save to my library",
        "Saves a paper to the member's library, with tags (saving it again replaces its tags)." + NEEDS_TOKEN,
        in, out, AgentTool.Effect.ADDS, (args, caller) -> {
          Account me = caller.required();
          PaperId id = args.paperId("id");
          Paper p = services.catalogue().find(id)
              .orElseThrow(() -> new ToolError("No paper " + id + " in the catalogue; find ids with 'search'."));
          List<String> tags;
          try {
            tags = LibraryStore.parseTags(String.join(",", args.texts("tags")));
          } catch (IllegalArgumentException e) {
            throw new ToolError(e.getMessage());
          }
          services.library().save(me, p.id(), tags);
          return new AddAnswer(p.id().value(), p.title(), true,
              services.library().find(me, p.id()).map(LibraryStore.Entry::tags).orElse(List.of()));
        });
  }

  record AddAnswer(String id, String title, boolean saved, List<String> tags) {}

  private AgentTool remove() {
    Map<String, Object> in = input(props("id", ID), "id");
    Map<String, Object> out = object(props("id", Shapes.ID, "removed", bool(null)), "id", "removed");
    return new AgentTool("library_remove", "Remove from my library",
        "Removes a paper (and its tags) from the member's library." + NEEDS_TOKEN,
        in, out, AgentTool.Effect.REMOVES, (args, caller) -> {
          Account me = caller.required();
          PaperId id = args.paperId("id");
          if (!services.library().remove(me, id)) {
            throw new ToolError("Paper " + id + " is not in your library; see it with 'library_list'.");
          }
          return new RemoveAnswer(id.value(), true);
        });
  }

  record RemoveAnswer(String id, boolean removed) {}
}
