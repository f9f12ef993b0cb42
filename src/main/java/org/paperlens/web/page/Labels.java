package org.paperlens.web.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.citation.map.CitationMap;

/**
 * Where a citation map writes titles beside its circles: the paper first, then its neighbours,
 * then the most cited, each below its circle, else above, right or left, wherever the text
 * (its width estimated from its length) crosses no circle and no label already placed; a title
 * that fits nowhere is left to the tooltip and the table under the map. Deterministic.
 */
final class Labels {

  /** Titles written on one map at most, the paper's included. */
  static final int MOST = 12;
  static final int CHARS = 30;
  /** The labels' font is 11 px: about this wide per character, and this tall. */
  static final double CHAR_WIDTH = 6.2;
  static final double HEIGHT = 13;

  private Labels() {}

  /** A placed label: its text, its anchor point (SVG text x, baseline y) and {@code text-anchor}. */
  record Label(String text, double x, double y, String anchor) {}

  private record Box(double left, double top, double right, double bottom) {
    boolean crosses(Box o) {
      return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
    }

    boolean crosses(CitationMap.Node n) {
      double cx = Math.max(left, Math.min(n.x(), right));
      double cy = Math.max(top, Math.min(n.y(), bottom));
      return Math.hypot(n.x() - cx, n.y() - cy) < n.radius();
    }
  }

  static Map<String, Label> place(CitationMap map) {
    List<CitationMap.Node> order = new ArrayList<>(map.nodes());
    order.sort(Comparator.comparingInt((CitationMap.Node n) -> switch (n.kind()) {
      case SELF -> 0;
      case NEIGHBOUR -> 1;
      default -> 2;
    }).thenComparingInt(n -> -n.citations()).thenComparing(CitationMap.Node::key));
    List<Box> taken = new ArrayList<>();
    Map<String, Label> out = new HashMap<>();
    for (CitationMap.Node n : order) {
      if (out.size() == MOST) {
        break;
      }
      String text = shorten(n.title()) + n.year().map(y -> " (" + y + ")").orElse("");
      double w = text.length() * CHAR_WIDTH;
      double r = n.radius();
      // Below, above, right, left: as (box, label) pairs.
      List<Label> tries = List.of(new Label(text, n.x(), n.y() + r + HEIGHT, "middle"),
          new Label(text, n.x(), n.y() - r - 4, "middle"),
          new Label(text, n.x() + r + 4, n.y() + 4, "start"),
          new Label(text, n.x() - r - 4, n.y() + 4, "end"));
      for (Label l : tries) {
        double left = l.anchor().equals("middle") ? l.x() - w / 2 : l.anchor().equals("start") ? l.x() : l.x() - w;
        Box box = new Box(left, l.y() - HEIGHT + 3, left + w, l.y() + 3);
        if (box.left() < 0 || box.top() < 0 || box.right() > map.width() || box.bottom() > map.height()
            || taken.stream().anyMatch(box::crosses) || map.nodes().stream().anyMatch(o -> o != n && box.crosses(o))) {
          continue;
        }
        taken.add(box);
        out.put(n.key(), l);
        break;
      }
    }
    return out;
  }

  static String shorten(String title) {
    String plain = MathText.plain(title);
    if (plain.length() <= CHARS) {
      return plain;
    }
    int space = plain.lastIndexOf(' ', CHARS);
    return plain.substring(0, space > CHARS / 2 ? space : CHARS) + "…";
  }
}
