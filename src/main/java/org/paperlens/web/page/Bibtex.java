package org.paperlens.web.page;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.paperlens.paper.Paper;

/** A BibTeX entry for a paper, in the form arXiv itself suggests ({@code @misc} with eprint fields). */
public final class Bibtex {

  /** More authors than this are cut to this many plus BibTeX's "and others" (shown as "et al."). */
  static final int MAX_AUTHORS = 100;

  private Bibtex() {}

  static String of(Paper p) {
    String year = p.submitted() != null ? Integer.toString(p.submitted().getYear())
        : p.firstListed() != null ? Integer.toString(p.firstListed().getYear()) : null;
    StringBuilder b = new StringBuilder("@misc{").append(key(p, year)).append(",\n");
    field(b, "title", braces(p.title()));
    List<String> authors = p.authors().size() > MAX_AUTHORS ? p.authors().subList(0, MAX_AUTHORS) : p.authors();
    field(b, "author", braces(String.join(" and ", authors) + (authors.size() < p.authors().size() ? " and others" : "")));
    field(b, "year", year);
    if (p.id().isArxiv()) {
      field(b, "eprint", p.id().value());
      field(b, "archivePrefix", "arXiv");
      field(b, "primaryClass", p.primaryCategory());
      field(b, "url", "https://arxiv.org/abs/" + p.id().value());
    }
    field(b, "doi", p.doi());
    b.setLength(b.length() - 2);
    return b.append("\n}").toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.append("  ").append(name).append(" = {").append(value).append("},\n");
    }
  }

  /** Drops braces that would unbalance the entry; TeX in titles is otherwise kept as written. */
  private static String braces(String s) {
    if (s == null) {
      return null;
    }
    int depth = 0;
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          continue;
        }
        depth--;
      }
      out.append(c);
    }
    return out.append("}".repeat(depth)).toString();
  }

  /** {@code smith2024sparse}: first author's family name, year, first long title word, ASCII only. */
  private static String key(Paper p, String year) {
    String author = p.authors().isEmpty() ? "anon" : last(p.authors().getFirst());
    String word = "";
    if (p.title() != null) {
      for (String w : p.title().split("\\s+")) {
        String a = ascii(w);
        if (a.length() > 3) {
          word = a;
          break;
        }
      }
    }
    String key = ascii(author) + (year == null ? "" : year) + word;
    return key.isEmpty() ? ascii(p.id().value()) : key;
  }

  private static String last(String name) {
    String[] parts = name.strip().split("\\s+");
    return parts[parts.length - 1];
  }

  private static String ascii(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
