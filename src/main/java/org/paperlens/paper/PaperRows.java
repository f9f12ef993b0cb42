package org.paperlens.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.paperlens.store.Row;
import org.paperlens.store.StoreException;

/** Maps {@link Paper} and {@link PaperVersion} to and from catalogue rows (tables {@code papers}, {@code paper_versions}). */
final class PaperRows {

  static final String COLUMNS = "id, version, title, abstract, authors, primary_category, categories, classes,"
      + " submitted, updated, first_listed, comment, journal_ref, doi, abs_url, pdf_url, source";
  /** Takes {@link #args}'s 17 values, the change number as the 18th and whether it links code ({@link CodeLinks}) as the 19th. */
  static final String UPSERT = "INSERT INTO papers (" + COLUMNS + ", seq, has_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
      + " ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title,"
      + " abstract = excluded.abstract, authors = excluded.authors,"
      + " primary_category = excluded.primary_category, categories = excluded.categories, classes = excluded.classes,"
      + " submitted = excluded.submitted, updated = excluded.updated,"
      + " first_listed = excluded.first_listed, comment = excluded.comment,"
      + " journal_ref = excluded.journal_ref, doi = excluded.doi, abs_url = excluded.abs_url,"
      + " pdf_url = excluded.pdf_url, source = excluded.source, seq = excluded.seq, has_code = excluded.has_code";
  static final String UPSERT_VERSION = "INSERT INTO paper_versions"
      + " (paper_id, version, dated, title, abstract, authors, comment, journal_ref, doi)"
      + " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (paper_id, version) DO UPDATE SET"
      + " dated = excluded.dated, title = excluded.title, abstract = excluded.abstract,"
      + " authors = excluded.authors, comment = excluded.comment,"
      + " journal_ref = excluded.journal_ref, doi = excluded.doi";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private PaperRows() {}

  /** The paper's 17 column values, in {@link #COLUMNS} order, followed by {@code more}. */
  static Object[] args(Paper p, Object... more) {
    Object[] out = Arrays.copyOf(new Object[] {
        p.id().value(), p.version(), p.title(), p.abstractText(), toJson(p.authors()), p.primaryCategory(),
        String.join(" ", p.categories()), toJson(p.classes()), date(p.submitted()), date(p.updated()),
        date(p.firstListed()), p.comment(), p.journalRef(), p.doi(), p.absUrl(), p.pdfUrl(),
        p.source() == null ? "unknown" : p.source()}, 17 + more.length);
    System.arraycopy(more, 0, out, 17, more.length);
    return out;
  }

  static Paper read(Row rs) {
    String categories = rs.getString("categories");
    return Paper.builder(new PaperId(rs.getString("id")))
        .version(rs.getInt("version"))
        .title(rs.getString("title"))
        .abstractText(rs.getString("abstract"))
        .authors(fromJson(rs.getString("authors")))
        .primaryCategory(rs.getString("primary_category"))
        .categories(categories.isEmpty() ? List.of() : Arrays.asList(categories.split(" ")))
        .classes(fromJson(rs.getString("classes")))
        .submitted(date(rs.getString("submitted")))
        .updated(date(rs.getString("updated")))
        .firstListed(date(rs.getString("first_listed")))
        .comment(rs.getString("comment"))
        .journalRef(rs.getString("journal_ref"))
        .doi(rs.getString("doi"))
        .absUrl(rs.getString("abs_url"))
        .pdfUrl(rs.getString("pdf_url"))
        .source(rs.getString("source"))
        .build();
  }

  static Object[] args(PaperVersion v) {
    return new Object[] {v.id().value(), v.version(), date(v.dated()), v.title(), v.abstractText(), toJson(v.authors()),
        v.comment(), v.journalRef(), v.doi()};
  }

  static PaperVersion readVersion(Row rs) {
    return new PaperVersion(new PaperId(rs.getString("paper_id")), rs.getInt("version"),
        date(rs.getString("dated")), rs.getString("title"), rs.getString("abstract"),
        fromJson(rs.getString("authors")), rs.getString("comment"), rs.getString("journal_ref"),
        rs.getString("doi"));
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  static LocalDate date(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  private static String toJson(List<String> names) {
    try {
      return JSON.writeValueAsString(names);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen for a list of strings", e);
    }
  }

  private static List<String> fromJson(String json) {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new StoreException("corrupt authors column: " + json, e);
    }
  }
}
