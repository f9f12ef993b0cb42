package org.paperlens.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.map.CitationMap;
import org.paperlens.citation.store.CitationFacts;
import org.paperlens.citation.store.LinkedPaper;
import org.paperlens.citation.store.PaperAuthor;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.web.page.PaperCitations;

/**
 * Citation data as the JSON API writes it (field names as in openapi.json): the fields a paper
 * gains, a linked work in a reference or citer list, and a citation map. Maps with every field
 * present (null when unknown), so a client sees one shape whatever is stored.
 */
final class CitationJson {

  private CitationJson() {}

  /** The citation fields of {@code GET /papers/{id}}, added to its map. */
  static void addTo(Map<String, Object> m, PaperId id, PaperCitations.Panel panel) {
    CitationFacts f = panel.facts();
    m.put("citationCount", f.count().map(c -> c.total()).orElse(null));
    m.put("influentialCitationCount", f.count().flatMap(c -> c.influential()).orElse(null));
    m.put("citationsAsOf", f.count().map(c -> c.asOf().toString()).orElse(null));
    m.put("citationCountSource", f.countSource().map(s -> s.displayName()).orElse(null));
    List<Map<String, Object>> years = new ArrayList<>();
    f.countsByYear().forEach(y -> years.add(ordered("year", y.year(), "citations", y.citations())));
    m.put("citationsByYear", years);
    m.put("venue", f.venue().orElse(null));
    m.put("tldr", f.tldr().map(t -> ordered("text", t.text(), "source", t.source().displayName(), "model", t.model())).orElse(null));
    m.put("references", f.references());
    m.put("citations", f.citedBy());
    String base = "/api/v1/papers/" + id.value();
    m.put("referencesUrl", base + "/references");
    m.put("citationsUrl", base + "/citations");
    m.put("graphUrl", base + "/graph");
    m.put("authorIds", authorIds(panel.authors()));
  }

  /** The authorships a source identified: position, name, identity id (its page) and ORCID where known. */
  static List<Map<String, Object>> authorIds(List<PaperAuthor> authors) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (PaperAuthor a : authors) {
      a.identity().ifPresent(i -> out.add(ordered("position", a.position(), "name", a.name(), "identityId", i.id(),
          "source", i.source().displayName(), "sourceId", i.sourceId(), "orcid", i.orcid().orElse(null),
          "institution", i.institution().orElse(null), "url", "/authors/id/" + i.id())));
    }
    return out;
  }

  /** One work of a reference or citer list: its catalogue id when it is a catalogue paper, and always its external ids. */
  static Map<String, Object> linked(LinkedPaper l, Map<PaperId, Paper> catalogue) {
    LinkedWork w = l.work();
    Paper p = l.paper().map(catalogue::get).orElse(null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.paper().map(PaperId::value).orElse(null));
    m.put("title", p != null && p.title() != null ? p.title() : w.title().orElse(null));
    m.put("year", w.year().orElse(null));
    m.putAll(ids(w.ids()));
    m.put("url", l.paper().map(id -> "/papers/" + id.value()).orElse(null));
    return m;
  }

  private static Map<String, Object> ids(ExternalIds ids) {
    return ordered("doi", ids.doi().map(d -> d.value()).orElse(null), "arxiv", ids.arxiv().map(PaperId::value).orElse(null),
        "openAlex", ids.openAlex().orElse(null), "semanticScholar", ids.semanticScholar().orElse(null));
  }

  /** A citation map: nodes in the map's pixel box, and the citations among them by node key. */
  static Map<String, Object> graph(CitationMap map) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (CitationMap.Node n : map.nodes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", n.key());
      m.put("id", n.paper().map(PaperId::value).orElse(null));
      m.put("title", n.title());
      m.put("year", n.year().orElse(null));
      m.put("citationCount", n.citations());
      m.put("kind", n.kind().label());
      m.put("reason", n.reason().isEmpty() ? null : n.reason());
      m.put("x", n.x());
      m.put("y", n.y());
      m.put("radius", n.radius());
      m.putAll(ids(n.ids()));
      nodes.add(m);
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    map.edges().forEach(e -> edges.add(ordered("citing", e.citing(), "cited", e.cited())));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", map.paper().value());
    out.put("width", map.width());
    out.put("height", map.height());
    out.put("references", map.references());
    out.put("citations", map.citers());
    out.put("nodes", nodes);
    out.put("edges", edges);
    return out;
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
