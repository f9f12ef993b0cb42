package org.paperlens.export;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paperlens.paper.Paper;
import org.paperlens.tex.KatexTex;
import org.paperlens.tex.TexLexer;
import org.paperlens.tex.TexRendering;
import org.paperlens.tex.TexToken;

/**
 * BibTeX entries in the form arXiv itself recommends ({@code @misc} with eprint, archivePrefix,
 * primaryClass, url), {@code @article} when the paper has a journal reference. Values are braced and
 * TeX's special characters escaped; text stays UTF-8 (biber and modern BibTeX read it). The one
 * BibTeX writer: exports and the paper page's entry ({@link #citation}) both come from here.
 */
public final class BibtexWriter {

  /** More authors than this are cut, in {@link #citation}, to this many plus BibTeX's "and others" (shown as "et al."). */
  public static final int CITATION_AUTHORS = 100;

  private BibtexWriter() {}

  static String write(List<Paper> papers) {
    StringBuilder b = new StringBuilder();
    Set<String> keys = new HashSet<>();
    for (Paper p : papers) {
      entry(b, p, uniqueKey(p, keys), Integer.MAX_VALUE, true);
      b.append("\n\n");
    }
    return b.toString();
  }

  /**
   * The entry a page shows for copying: what {@link #write} exports for {@code p} alone (the same
   * key, the same escapes) without the abstract, and with at most {@link #CITATION_AUTHORS}
   * authors (a few papers have thousands).
   */
  public static String citation(Paper p) {
    StringBuilder b = new StringBuilder();
    entry(b, p, uniqueKey(p, new HashSet<>()), CITATION_AUTHORS, false);
    return b.toString();
  }

  private static void entry(StringBuilder b, Paper p, String key, int maxAuthors, boolean withAbstract) {
    boolean article = p.journalRef() != null;
    b.append(article ? "@article{" : "@misc{").append(key).append(",\n");
    field(b, "title", p.title());
    List<String> authors = p.authors().size() > maxAuthors ? p.authors().subList(0, maxAuthors) : p.authors();
    field(b, "author", authors.isEmpty() ? null
        : String.join(" and ", authors) + (authors.size() < p.authors().size() ? " and others" : ""));
    LocalDate date = date(p);
    if (date != null) {
      field(b, "year", Integer.toString(date.getYear()));
      // BibTeX's month macro, unbraced: styles print it as the month's name ({may} would print "may").
      b.append("  month = ").append(date.getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT)).append(",\n");
    }
    if (article) {
      field(b, "journal", p.journalRef());
    }
    if (p.id().isArxiv()) {
      field(b, "eprint", p.id().value());
      field(b, "archivePrefix", "arXiv");
      field(b, "primaryClass", p.primaryCategory());
    }
    field(b, "doi", p.doi());
    field(b, "url", p.absUrl() != null ? p.absUrl() : p.id().isArxiv() ? "https://arxiv.org/abs/" + p.id().value() : null);
    if (withAbstract) {
      field(b, "abstract", p.abstractText());
    }
    b.setLength(b.length() - 2); // the last field's ",\n"
    b.append("\n}");
  }

  static LocalDate date(Paper p) {
    return p.submitted() != null ? p.submitted() : p.firstListed() != null ? p.firstListed() : p.updated();
  }

  private static void field(StringBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.append("  ").append(name).append(" = {").append(escape(value)).append("},\n");
    }
  }

  /**
   * A value as BibTeX: each math span as {@code $...$} with TeX that compiles without the authors'
   * preamble (braces balanced, unknown macros dropped: {@link KatexTex}), so it typesets as meant;
   * TeX text commands outside math resolved to their text ({@link TexRendering#PLAIN}); everything
   * else that TeX treats specially escaped, braces too, so a stray one cannot unbalance the entry.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (TexToken t : TexLexer.tokens(s)) {
      switch (t) {
        case TexToken.Text run -> b.append(escapeText(TexRendering.PLAIN.text(run.tex())));
        case TexToken.Math math -> {
          String tex = KatexTex.of(math.tex());
          if (!tex.isEmpty()) {
            b.append('$').append(tex).append('$');
          }
        }
      }
    }
    return b.toString();
  }

  private static String escapeText(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\textbackslash{}");
        case '{', '}', '&', '%', '$', '#', '_' -> b.append('\\').append(c);
        case '~' -> b.append("\\textasciitilde{}");
        case '^' -> b.append("\\textasciicircum{}");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** lastname + year + first title word, ASCII, made unique in this export with a, b, c... */
  private static String uniqueKey(Paper p, Set<String> used) {
    String family = p.authors().isEmpty() ? "anon" : Names.of(p.authors().getFirst()).family();
    LocalDate d = date(p);
    String word = p.title() == null ? "" : java.util.Arrays.stream(p.title().split("\\s+"))
        .map(BibtexWriter::ascii).filter(w -> w.length() > 3).findFirst().orElse("");
    String base = ascii(family) + (d == null ? "" : Integer.toString(d.getYear())) + word;
    if (base.isEmpty()) {
      base = ascii(p.id().value());
    }
    String key = base;
    for (int i = 0; !used.add(key); i++) {
      key = base + (char) ('a' + i % 26) + (i >= 26 ? Integer.toString(i / 26) : "");
    }
    return key;
  }

  private static String ascii(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
