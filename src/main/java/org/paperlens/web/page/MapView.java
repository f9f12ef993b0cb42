package org.paperlens.web.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.citation.map.CitationMap;
import org.paperlens.paper.Paper;

/**
 * The citation map page ({@code citation-map.mustache}): the laid-out map as SVG drawn on the
 * server (each node a link, edges as arrows to the cited paper, colour by year, size by citations,
 * a legend), and the same nodes as a table for readers who cannot see the picture.
 */
record MapView(String id, String title, String titleHtml, String paperUrl, String graphUrl, int width, int height,
    List<Node> nodes, List<Edge> edges, List<Swatch> years, boolean empty, String summary) {

  /**
   * A node as drawn: {@code fill} is its year's colour, {@code kind} (self, reference, citer,
   * neighbour) its outline in CSS; {@code label} is written beside the biggest and the nearest.
   */
  record Node(String key, String href, boolean external, String kind, String relation, String title, String year, String citations,
      double x, double y, double r, String fill, String reason, String label, double labelX, double labelY, String anchor) {}

  /** An arrow from the citing paper's circle to the cited one's edge. */
  record Edge(double x1, double y1, double x2, double y2) {}

  /** One colour of the legend and the years it stands for. */
  record Swatch(String label, String fill) {}

  /** Light for old, dark for new (ColorBrewer's "Blues"), as Connected Papers shades by year. */
  static final String[] PALETTE = {"#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"};
  static final String NO_YEAR = "#bdbdbd";

  static MapView of(Paper paper, CitationMap map) {
    String id = paper.id().value();
    int minYear = Integer.MAX_VALUE;
    int maxYear = Integer.MIN_VALUE;
    for (CitationMap.Node n : map.nodes()) {
      if (n.year().isPresent()) {
        minYear = Math.min(minYear, n.year().get());
        maxYear = Math.max(maxYear, n.year().get());
      }
    }
    YearScale scale = minYear > maxYear ? null : new YearScale(minYear, maxYear);
    Map<String, Labels.Label> labels = Labels.place(map);
    List<Node> nodes = new ArrayList<>();
    Map<String, CitationMap.Node> byKey = new HashMap<>();
    int refs = 0, citers = 0, near = 0;
    for (CitationMap.Node n : map.nodes()) {
      byKey.put(n.key(), n);
      switch (n.kind()) {
        case REFERENCE -> refs++;
        case CITER -> citers++;
        case NEIGHBOUR -> near++;
        case SELF -> { }
      }
      String href = n.paper().map(p -> "/papers/" + p.value()).orElse(CitationViews.external(n.ids()).href());
      String year = n.year().map(String::valueOf).orElse(null);
      Labels.Label label = labels.get(n.key());
      nodes.add(new Node(n.key(), href, n.paper().isEmpty(), n.kind().label(), relation(n.kind()), n.title(), year,
          CitationViews.number(n.citations()), n.x(), n.y(), n.radius(), scale == null ? NO_YEAR : scale.fill(n.year().orElse(null)),
          n.reason().isEmpty() ? null : n.reason(), label == null ? null : label.text(), label == null ? 0 : label.x(),
          label == null ? 0 : label.y(), label == null ? null : label.anchor()));
    }
    List<Edge> edges = new ArrayList<>();
    for (CitationMap.Edge e : map.edges()) {
      CitationMap.Node a = byKey.get(e.citing());
      CitationMap.Node b = byKey.get(e.cited());
      double dx = b.x() - a.x();
      double dy = b.y() - a.y();
      double d = Math.max(1e-6, Math.hypot(dx, dy));
      // From the citing circle's rim to the cited circle's rim, so the arrowhead shows.
      edges.add(new Edge(round(a.x() + dx / d * a.radius()), round(a.y() + dy / d * a.radius()),
          round(b.x() - dx / d * (b.radius() + 2)), round(b.y() - dy / d * (b.radius() + 2))));
    }
    List<Swatch> legend = new ArrayList<>(scale == null ? List.of() : scale.legend());
    if (map.nodes().stream().anyMatch(n -> n.year().isEmpty())) {
      legend.add(new Swatch("year unknown", NO_YEAR));
    }
    String title = MathText.plain(paper.title() == null ? id : paper.title());
    String summary = refs + " of " + count(map.references(), "reference") + ", " + citers + " of " + count(map.citers(), "citing paper")
        + " and " + count(near, "neighbour") + " by co-citation and shared references, placed by how alike their citations are.";
    return new MapView(id, title, paper.title() == null ? org.paperlens.html.Html.escape(id) : MathText.html(paper.title()),
        "/papers/" + id, "/api/v1/papers/" + id + "/graph", (int) map.width(), (int) map.height(), nodes, edges,
        legend, map.isEmpty(), summary);
  }

  private static String relation(CitationMap.Kind kind) {
    return switch (kind) {
      case SELF -> "this paper";
      case REFERENCE -> "cited by this paper";
      case CITER -> "cites this paper";
      case NEIGHBOUR -> "near in the citation graph";
    };
  }

  /** "1 reference", "3 references". */
  private static String count(int n, String noun) {
    return CitationViews.number(n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Years in at most {@link #PALETTE}'s length of equal bins, oldest lightest. */
  private record YearScale(int min, int max) {
    int bins() {
      return Math.min(PALETTE.length, max - min + 1);
    }

    int bin(int year) {
      int span = max - min + 1;
      return Math.min(bins() - 1, (int) ((long) (year - min) * bins() / span));
    }

    /** The colour of a year: the palette's darkest end for the newest. */
    String fill(Integer year) {
      return year == null ? NO_YEAR : PALETTE[PALETTE.length - bins() + bin(year)];
    }

    List<Swatch> legend() {
      List<Swatch> out = new ArrayList<>();
      for (int b = 0; b < bins(); b++) {
        int from = -1, to = -1;
        for (int y = min; y <= max; y++) {
          if (bin(y) == b) {
            from = from < 0 ? y : from;
            to = y;
          }
        }
        out.add(new Swatch(from == to ? String.valueOf(from) : from + "–" + to, PALETTE[PALETTE.length - bins() + b]));
      }
      return out;
    }
  }
}
