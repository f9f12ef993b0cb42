package org.paperlens.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperlens.common.BadInputException;

/**
 * Responses of the arXiv export API ({@code export.arxiv.org/api/query}): Atom feeds with one
 * entry per paper ({@link AtomEntry}). Also reads a response recorded as JSON
 * ({@link RecordedResponse}), so saved API traffic imports as it is.
 *
 * <p>An entry that cannot be used is a malformed record, and so is an error entry, the API's way
 * of answering a bad request. An input that is not an Atom feed, breaks off inside the feed, or
 * records a failed request (HTTP status other than 200) is a bad input; entries read before the
 * break still count.
 */
final class AtomReader implements RecordReader {

  static final String SOURCE = "arxiv-atom";
  static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  static final String ARXIV_NS = "http://arxiv.org/schemas/atom";

  /** Opens the document; a function so that an input failing at its first byte is reported like any other. */
  @FunctionalInterface
  private interface Document {
    XMLStreamReader open() throws XMLStreamException;
  }

  @Override
  public void read(String name, InputStream in, Consumer<SourceRecord> sink) throws IOException {
    InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
    if (firstNonBlank(buffered) == '{') {
      readRecorded(name, RecordedResponse.read(name, buffered), sink);
    } else {
      readFeed(name, () -> XmlElements.open(buffered), sink);
    }
  }

  private static void readRecorded(String name, RecordedResponse response, Consumer<SourceRecord> sink)
      throws BadInputException {
    if (response.status() != 200) {
      throw new BadInputException(name, "the recorded request failed with HTTP " + response.status()
          + apiError(name, response.body()) + (response.url() == null ? "" : " (" + response.url() + ")"));
    }
    readFeed(name, () -> fromString(response.body()), sink);
  }

  /** A failed request's body usually explains the failure in an error entry; quoting it saves a look. */
  private static String apiError(String name, String body) {
    List<SourceRecord> records = new ArrayList<>();
    try {
      readFeed(name, () -> fromString(body), records::add);
    } catch (BadInputException e) {
      return "";
    }
    return records.stream()
        .filter(r -> r instanceof SourceRecord.Malformed)
        .map(r -> ": " + ((SourceRecord.Malformed) r).reason())
        .findFirst().orElse("");
  }

  private static void readFeed(String name, Document document, Consumer<SourceRecord> sink)
      throws BadInputException {
    boolean inFeed = false;
    XMLStreamReader xml = null;
    try {
      xml = document.open();
      xml.nextTag();
      if (!ATOM_NS.equals(xml.getNamespaceURI()) || !"feed".equals(xml.getLocalName())) {
        throw new BadInputException(name, "not an Atom feed (the document is <" + xml.getName() + ">)");
      }
      inFeed = true;
      int position = 0;
      while (XmlElements.nextChild(xml)) {
        if (ATOM_NS.equals(xml.getNamespaceURI()) && "entry".equals(xml.getLocalName())) {
          position++;
          RecordBudget budget = RecordBudget.forRecord();
          AtomEntry entry = AtomEntry.read(xml, budget);
          sink.accept(budget.spent()
              ? new SourceRecord.Malformed(name + "#entry " + position, budget.problem())
              : entry.toRecord(name, position));
        } else {
          XmlElements.skip(xml); // feed metadata: title, links, opensearch paging counts
        }
      }
    } catch (XMLStreamException e) {
      String tooLarge = XmlElements.markupTooLarge(e);
      if (tooLarge != null) {
        throw new BadInputException(name, tooLarge + "; the rest of the input is not read", e);
      }
      String why = oneLine(e.getMessage());
      throw inFeed
          ? new BadInputException(name, "the feed breaks off or is not well-formed (truncated file?): " + why, e)
          : new BadInputException(name, "not an Atom feed: " + why, e);
    } finally {
      close(xml);
    }
  }

  /** A recorded body is already in memory (and bounded by {@link RecordedResponse}): no markup guard needed. */
  private static XMLStreamReader fromString(String body) throws XMLStreamException {
    return XmlElements.safeFactory().createXMLStreamReader(new StringReader(body));
  }

  private static int firstNonBlank(InputStream in) throws IOException {
    in.mark(4096);
    try {
      int b;
      int looked = 0;
      do {
        b = in.read();
      } while (++looked < 4000 && (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF));
      return b; // the bytes 0xEF 0xBB 0xBF are a UTF-8 byte-order mark
    } finally {
      in.reset();
    }
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").strip();
  }

  private static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // closing releases parser state only; the input stream belongs to the caller
      }
    }
  }
}
