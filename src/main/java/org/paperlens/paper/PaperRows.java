package org.paperlens.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Maps {@link Paper} and {@link PaperVersion} to and from catalogue rows. */
final class PaperRows {

  static final String COLUMNS = "id, version, title, abstract, authors, primary_category, categories, classes,"
      + " submitted, updated, first_listed, comment, journal_ref, doi, abs_url, pdf_url, source";
  /** Binds {@link #bind}'s 17 values, the change number as the 18th and whether it links code ({@link CodeLinks}) as the 19th. */
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

  static void bind(PreparedStatement st, Paper p) throws SQLException {
    st.setString(1, p.id().value());
    st.setInt(2, p.version());
    st.setString(3, p.title());
    st.setString(4, p.abstractText());
    st.setString(5, toJson(p.authors()));
    st.setString(6, p.primaryCategory());
    st.setString(7, String.join(" ", p.categories()));
    st.setString(8, toJson(p.classes()));
    st.setString(9, date(p.submitted()));
    st.setString(10, date(p.updated()));
    st.setString(11, date(p.firstListed()));
    st.setString(12, p.comment());
    st.setString(13, p.journalRef());
    st.setString(14, p.doi());
    st.setString(15, p.absUrl());
    st.setString(16, p.pdfUrl());
    st.setString(17, p.source() == null ? "unknown" : p.source());
  }

  static Paper read(ResultSet rs) throws SQLException {
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

  static void bind(PreparedStatement st, PaperVersion v) throws SQLException {
    st.setString(1, v.id().value());
    st.setInt(2, v.version());
    st.setString(3, date(v.dated()));
    st.setString(4, v.title());
    st.setString(5, v.abstractText());
    st.setString(6, toJson(v.authors()));
    st.setString(7, v.comment());
    st.setString(8, v.journalRef());
    st.setString(9, v.doi());
  }

  static PaperVersion readVersion(ResultSet rs) throws SQLException {
    return new PaperVersion(new PaperId(rs.getString("paper_id")), rs.getInt("version"),
        date(rs.getString("dated")), rs.getString("title"), rs.getString("abstract"),
        fromJson(rs.getString("authors")), rs.getString("comment"), rs.getString("journal_ref"),
        rs.getString("doi"));
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static LocalDate date(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  private static String toJson(List<String> names) {
    try {
      return JSON.writeValueAsString(names);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen for a list of strings", e);
    }
  }

  private static List<String> fromJson(String json) throws SQLException {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new SQLException("corrupt authors column: " + json, e);
    }
  }
}
