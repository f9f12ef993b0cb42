package org.paperlens.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperText;

/**
 * Maps one OAI-PMH {@code <record>} to a {@link SourceRecord}, for the two metadata formats arXiv
 * serves that carry what the catalogue needs: {@code arXiv} (structured) and {@code oai_dc}.
 *
 * <p>Neither format has version numbers, so papers come out with version 0 ("not said") and the
 * dates of the first and latest versions; {@link Revisions} then never lets them overwrite a
 * record that knows its version.
 */
final class OaiRecords {

  static final String SOURCE = "arxiv-oai";

  /** An arXiv category code ({@code cs.LG}, {@code hep-th}); oai_dc subjects are usually prose instead. */
  private static final Pattern CATEGORY_CODE = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z-]+)?");
  private static final String COMMENT_PREFIX = "Comment:";
  /** An OAI identifier longer than this is not quoted in messages; arXiv's are under 40 characters. */
  private static final int MAX_ID = 200;

  private OaiRecords() {}

  /**
   * @param tooLarge why the record was not read whole (then it is malformed), or null
   */
  static SourceRecord toRecord(String file, int line, XmlElement record, String tooLarge) {
    XmlElement header = record.child("header").orElse(null);
    String oaiId = header == null ? null : PaperText.inline(header.childText("identifier"));
    String where = oaiId != null && oaiId.length() <= MAX_ID ? file + "#" + oaiId : file + ":" + line;
    if (tooLarge != null) {
      return new SourceRecord.Malformed(where, tooLarge);
    }
    if (header != null && "deleted".equals(header.attribute("status"))) {
      return deleted(header, oaiId, where);
    }
    Optional<XmlElement> format = record.child("metadata").flatMap(m -> m.children().stream().findFirst());
    if (format.isEmpty()) {
      return new SourceRecord.Malformed(where, "no metadata");
    }
    try {
      return switch (format.get().name()) {
        case "arXiv" -> arxiv(format.get(), oaiId, where, header == null ? null : header.childText("datestamp"));
        case "dc" -> dublinCore(format.get(), oaiId, where);
        default -> new SourceRecord.Malformed(where, "unsupported metadata format <" + format.get().name() + ">");
      };
    } catch (DateTimeParseException e) {
      return new SourceRecord.Malformed(where, "bad date '" + e.getParsedString() + "'");
    } catch (IllegalArgumentException e) {
      return new SourceRecord.Malformed(where, e.getMessage());
    }
  }

  private static SourceRecord deleted(XmlElement header, String oaiId, String where) {
    Optional<ArxivId> id = ArxivId.parse(oaiId);
    if (id.isEmpty()) {
      return new SourceRecord.Malformed(where, "deleted record without a recognisable arXiv id '" + oaiId + "'");
    }
    LocalDate on = OaiPmhReader.utcDate(header.childText("datestamp"));
    if (on == null) {
      return new SourceRecord.Malformed(where, "deleted record without a datestamp");
    }
    return new SourceRecord.Deleted(id.get().id(), on, where);
  }

  /**
   * @param datestamp the header's datestamp. A record with no {@code updated} date is a first
   *     version, which arXiv's OAI-PMH dates on the day it is announced: that is its first listing
   *     day, so harvested papers reach the daily pages. Later versions keep the listing day the
   *     catalogue already has ({@link Revisions} keeps the earliest).
   */
  private static SourceRecord arxiv(XmlElement m, String oaiId, String where, String datestamp) {
    String rawId = m.childText("id") != null ? m.childText("id") : oaiId;
    Optional<Paper.Builder> start = start(rawId, m.childText("title"));
    if (start.isEmpty()) {
      return missing(rawId, where);
    }
    List<String> authors = new ArrayList<>();
    m.child("authors").ifPresent(list -> list.children("author").forEach(a -> {
      String name = AuthorList.fullName(a.childText("keyname"), a.childText("forenames"), a.childText("suffix"));
      if (name != null) {
        authors.add(name);
      }
    }));
    LocalDate created = date(m.childText("created"));
    LocalDate updated = date(m.childText("updated"));
    Paper paper = start.get()
        .authors(authors)
        .categories(ArxivJsonLinesReader.categoryList(m.childText("categories")))
        .abstractText(PaperText.paragraphs(m.childText("abstract")))
        .comment(PaperText.inline(m.childText("comments")))
        .journalRef(PaperText.inline(m.childText("journal-ref")))
        .doi(PaperText.inline(m.childText("doi")))
        .submitted(created)
        .updated(updated != null ? updated : created)
        .firstListed(updated == null && datestamp != null ? OaiPmhReader.utcDate(datestamp) : null)
        .build();
    return new SourceRecord.Found(paper, where);
  }

  private static SourceRecord dublinCore(XmlElement dc, String oaiId, String where) {
    String rawId = dc.children("identifier").stream().map(XmlElement::text)
        .filter(s -> ArxivId.parse(s).isPresent()).findFirst().orElse(oaiId);
    Optional<Paper.Builder> start = start(rawId, dc.childText("title"));
    if (start.isEmpty()) {
      return missing(rawId, where);
    }
    String abstractText = null;
    String comment = null;
    for (XmlElement d : dc.children("description")) {
      String text = d.text().strip();
      if (text.startsWith(COMMENT_PREFIX)) {
        comment = comment != null ? comment : PaperText.inline(text.substring(COMMENT_PREFIX.length()));
      } else if (abstractText == null) {
        abstractText = PaperText.paragraphs(d.text());
      }
    }
    List<LocalDate> dates = dc.children("date").stream().map(d -> date(d.text())).filter(d -> d != null).toList();
    Paper paper = start.get()
        .authors(dc.children("creator").stream().map(c -> dcCreator(c.text())).filter(n -> n != null).toList())
        .categories(dc.children("subject").stream().map(s -> PaperText.inline(s.text()))
            .filter(s -> s != null && CATEGORY_CODE.matcher(s).matches()).toList())
        .abstractText(abstractText)
        .comment(comment)
        .doi(dc.children("identifier").stream().map(i -> PaperText.inline(i.text()))
            .filter(s -> s != null && s.startsWith("doi:")).map(s -> s.substring(4)).findFirst().orElse(null))
        .submitted(dates.isEmpty() ? null : dates.getFirst())
        .updated(dates.isEmpty() ? null : dates.getLast())
        .build();
    return new SourceRecord.Found(paper, where);
  }

  /** The builder with identity, title and links set, or empty when the id or title is missing. */
  private static Optional<Paper.Builder> start(String rawId, String rawTitle) {
    Optional<ArxivId> id = ArxivId.parse(rawId);
    String title = PaperText.inline(rawTitle);
    if (id.isEmpty() || title == null) {
      return Optional.empty();
    }
    return Optional.of(Paper.builder(id.get().id())
        .version(0)
        .title(title)
        .absUrl(id.get().absUrl())
        .pdfUrl(id.get().pdfUrl())
        .source(SOURCE));
  }

  private static SourceRecord missing(String rawId, String where) {
    return new SourceRecord.Malformed(where, ArxivId.parse(rawId).isEmpty()
        ? "missing or unrecognised arXiv id '" + PaperText.inline(rawId) + "'"
        : "no title");
  }

  /** {@code "Keyname, Forenames"} (and an optional {@code ", Suffix"}) to {@code "Forenames Keyname Suffix"}. */
  static String dcCreator(String raw) {
    String s = PaperText.inline(raw);
    if (s == null) {
      return null;
    }
    String[] parts = s.split(",", 3);
    if (parts.length == 1) {
      return s; // a collaboration or a single name: nothing to reorder
    }
    return AuthorList.fullName(parts[0], parts[1], parts.length > 2 ? parts[2] : null);
  }

  private static LocalDate date(String raw) {
    String s = PaperText.inline(raw);
    return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }
}
