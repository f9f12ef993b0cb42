package org.paperlens.ingest;

import static org.paperlens.ingest.AtomReader.ARXIV_NS;
import static org.paperlens.ingest.AtomReader.ATOM_NS;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperText;

/**
 * One {@code <entry>} of an arXiv API feed, as written (text not yet normalised).
 *
 * <p>The entry's links are not kept: they name one version ({@code /abs/1605.08386v1}), while the
 * catalogue holds the paper, whose canonical pages {@link ArxivId} gives for every source alike.
 */
record AtomEntry(
    String id, String title, String summary, List<String> authors, String primaryCategory,
    List<String> categories, String published, String updated, String comment, String journalRef,
    String doi) {

  /** The API answers a bad request with an entry whose id is under this address. */
  private static final String API_ERRORS = "arxiv.org/api/errors";

  /**
   * Reads the entry the reader is on, leaving it on the entry's end tag. Keeps only what
   * {@code budget} allows; when it says the entry was too large, the entry is incomplete.
   */
  static AtomEntry read(XMLStreamReader xml, RecordBudget budget) throws XMLStreamException {
    String id = null, title = null, summary = null, primary = null, published = null, updated = null;
    String comment = null, journalRef = null, doi = null;
    List<String> authors = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    while (XmlElements.nextChild(xml)) {
      budget.take(RecordBudget.ELEMENT_COST);
      String element = xml.getLocalName();
      if (ATOM_NS.equals(xml.getNamespaceURI())) {
        switch (element) {
          case "id" -> id = XmlElements.text(xml, budget);
          case "title" -> title = XmlElements.text(xml, budget);
          case "summary" -> summary = XmlElements.text(xml, budget);
          case "published" -> published = XmlElements.text(xml, budget);
          case "updated" -> updated = XmlElements.text(xml, budget);
          case "author" -> authorName(xml, budget).ifPresent(authors::add);
          case "category" -> {
            String term = xml.getAttributeValue(null, "term");
            if (term != null && budget.take(term.length())) {
              categories.add(term);
            }
            XmlElements.skip(xml);
          }
          default -> XmlElements.skip(xml);
        }
      } else if (ARXIV_NS.equals(xml.getNamespaceURI())) {
        switch (element) {
          case "primary_category" -> {
            String term = xml.getAttributeValue(null, "term");
            primary = term != null && budget.take(term.length()) ? term : primary;
            XmlElements.skip(xml);
          }
          case "comment" -> comment = XmlElements.text(xml, budget);
          case "journal_ref" -> journalRef = XmlElements.text(xml, budget);
          case "doi" -> doi = XmlElements.text(xml, budget);
          default -> XmlElements.skip(xml); // affiliation and any field added later
        }
      } else {
        XmlElements.skip(xml);
      }
    }
    return new AtomEntry(id, title, summary, authors, primary, categories, published, updated,
        comment, journalRef, doi);
  }

  private static Optional<String> authorName(XMLStreamReader xml, RecordBudget budget) throws XMLStreamException {
    String name = null;
    while (XmlElements.nextChild(xml)) {
      budget.take(RecordBudget.ELEMENT_COST);
      if (ATOM_NS.equals(xml.getNamespaceURI()) && "name".equals(xml.getLocalName())) {
        name = PaperText.inline(XmlElements.text(xml, budget));
      } else {
        XmlElements.skip(xml);
      }
    }
    return Optional.ofNullable(name);
  }

  /**
   * The entry as a source record.
   *
   * @param feed the input's name, for messages
   * @param position the entry's 1-based place in the feed, to point at entries without an id
   */
  SourceRecord toRecord(String feed, int position) {
    String rawId = PaperText.inline(id);
    if (rawId == null) {
      return new SourceRecord.Malformed(feed + "#entry " + position, "an entry without an id");
    }
    if (rawId.contains(API_ERRORS)) {
      String why = PaperText.inline(summary);
      return new SourceRecord.Malformed(feed + "#entry " + position,
          "the arXiv API reported an error: " + (why != null ? why : rawId));
    }
    Optional<ArxivId> arxivId = ArxivId.parse(rawId);
    if (arxivId.isEmpty()) {
      return new SourceRecord.Malformed(feed + "#entry " + position, "unrecognised arXiv id '" + rawId + "'");
    }
    ArxivId parsed = arxivId.get();
    String where = feed + "#" + parsed.id().value() + (parsed.version() > 0 ? "v" + parsed.version() : "");
    if (PaperText.inline(title) == null) {
      return new SourceRecord.Malformed(where, "no title");
    }
    try {
      Paper paper = Paper.builder(parsed.id())
          .version(parsed.version())
          .title(PaperText.inline(title))
          .abstractText(PaperText.paragraphs(summary))
          .authors(authors)
          .primaryCategory(PaperText.inline(primaryCategory))
          .categories(primaryFirst(PaperText.inline(primaryCategory), categories))
          .submitted(published == null ? null : ArxivDates.fromIso(published))
          .updated(updated == null ? null : ArxivDates.fromIso(updated))
          .comment(PaperText.inline(comment))
          .journalRef(PaperText.inline(journalRef))
          .doi(PaperText.inline(doi))
          .absUrl(parsed.absUrl())
          .pdfUrl(parsed.pdfUrl())
          .source(AtomReader.SOURCE)
          .build();
      return new SourceRecord.Found(paper, where);
    } catch (DateTimeParseException e) {
      return new SourceRecord.Malformed(where, "bad date '" + e.getParsedString() + "'");
    }
  }

  /** The catalogue lists the primary category first; a feed may list the categories in any order. */
  private static List<String> primaryFirst(String primary, List<String> terms) {
    List<String> ordered = new ArrayList<>();
    if (primary != null) {
      ordered.add(primary);
    }
    for (String term : terms) {
      String t = PaperText.inline(term);
      if (t != null && !ordered.contains(t)) {
        ordered.add(t);
      }
    }
    return ordered;
  }
}
