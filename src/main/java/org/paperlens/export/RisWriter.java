package org.paperlens.export;

import java.time.LocalDate;
import java.util.List;
import org.paperlens.paper.Paper;

/** RIS records (Zotero, EndNote, Mendeley): JOUR with a journal reference, UNPB (preprint) otherwise. */
final class RisWriter {

  private RisWriter() {}

  static String write(List<Paper> papers) {
    StringBuilder b = new StringBuilder();
    for (Paper p : papers) {
      tag(b, "TY", p.journalRef() != null ? "JOUR" : "UNPB");
      tag(b, "TI", p.title());
      for (String a : p.authors()) {
        Names n = Names.of(a);
        tag(b, "AU", n.given().isEmpty() ? n.family() : n.family() + ", " + n.given());
      }
      LocalDate d = BibtexWriter.date(p);
      if (d != null) {
        tag(b, "PY", Integer.toString(d.getYear()));
        tag(b, "DA", String.format("%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
      }
      tag(b, "JO", p.journalRef());
      tag(b, "AB", p.abstractText());
      tag(b, "DO", p.doi());
      tag(b, "UR", p.absUrl());
      if (p.id().isArxiv()) {
        tag(b, "AN", "arXiv:" + p.id().value());
        tag(b, "PB", "arXiv");
      }
      for (String c : p.categories()) {
        tag(b, "KW", c);
      }
      tag(b, "N1", p.comment());
      b.append("ER  - \r\n\r\n");
    }
    return b.toString();
  }

  /** "XX  - value", one line: RIS has no continuation lines. CRLF, as the format's readers expect. */
  private static void tag(StringBuilder b, String tag, String value) {
    if (value != null && !value.isBlank()) {
      b.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ").strip()).append("\r\n");
    }
  }
}
