package org.paperlens.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Walking an XML document element by element with StAX, for the readers of arXiv's XML formats.
 * StAX rather than a DOM because one API page or harvest response can hold thousands of records.
 *
 * <p>Memory stays bounded whatever the document: text arrives in chunks (the parser does not
 * coalesce it), so readers keep only what a {@link RecordBudget} allows; and the markup the
 * parser must hold whole (a comment, an attribute value, a CDATA section) may not exceed
 * {@link #MAX_MARKUP_BYTES}, or the document is refused with {@link MarkupTooLarge}.
 */
final class XmlElements {

  /** The most input the parser may read while producing one event; a hundred times any real one. */
  static final int MAX_MARKUP_BYTES = 4 << 20;

  /** A comment, attribute, CDATA section or other single piece of markup over the limit. */
  static final class MarkupTooLarge extends IOException {
    MarkupTooLarge() {
      super(String.format("a comment, attribute, CDATA section or other piece of markup longer than %,d bytes",
          MAX_MARKUP_BYTES));
    }
  }

  private XmlElements() {}

  /**
   * A factory that reads no DTD and resolves no external entity: input comes from the network,
   * and neither arXiv format needs either, so XXE and entity-expansion attacks have nothing to use.
   * A new factory per input, because the StAX API does not promise that factories are thread-safe.
   */
  static XMLInputFactory safeFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever else is on the class path
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // Coalescing would make the parser gather a whole text node, however large, before returning it.
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    return factory;
  }

  /** A reader over {@code in} with the safe factory and the markup limit. The caller closes both. */
  static XMLStreamReader open(InputStream in) throws XMLStreamException {
    MarkupGuard guard = new MarkupGuard(in);
    XMLStreamReader parser = safeFactory().createXMLStreamReader(guard);
    return new StreamReaderDelegate(parser) {
      @Override
      public int next() throws XMLStreamException {
        guard.eventSeen();
        return super.next();
      }

      @Override
      public int nextTag() throws XMLStreamException {
        guard.eventSeen();
        return super.nextTag();
      }
    };
  }

  /** The markup limit's message when it is what stopped the parser, else null. */
  static String markupTooLarge(XMLStreamException e) {
    Throwable t = e;
    for (int i = 0; t != null && i < 10; i++) {
      if (t instanceof MarkupTooLarge m) {
        return m.getMessage();
      }
      t = t instanceof XMLStreamException x && x.getNestedException() != null ? x.getNestedException() : t.getCause();
    }
    return null;
  }

  /**
   * Moves to the next child element of the current element and returns true, or to the current
   * element's end tag and returns false. Text and comments between elements are layout.
   */
  static boolean nextChild(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      switch (xml.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          return true;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return false;
        }
        default -> { }
      }
    }
    throw new XMLStreamException("the document ends inside an element");
  }

  /**
   * All text inside the current element, markup of nested elements left out; ends on its end tag.
   * Keeps only what {@code budget} allows (the budget then says so).
   */
  static String text(XMLStreamReader xml, RecordBudget budget) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    consume(xml, text, budget);
    return text.toString();
  }

  /** Passes over the current element and everything in it; ends on its end tag. */
  static void skip(XMLStreamReader xml) throws XMLStreamException {
    consume(xml, null, null);
  }

  private static void consume(XMLStreamReader xml, StringBuilder text, RecordBudget budget) throws XMLStreamException {
    String element = xml.getLocalName();
    int depth = 1;
    while (depth > 0) {
      if (!xml.hasNext()) {
        throw new XMLStreamException("the document ends inside <" + element + ">");
      }
      switch (xml.next()) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text != null && budget.take(xml.getTextLength())) {
            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
          }
        }
        default -> { }
      }
    }
  }

  /** Counts what the parser reads between two events, and stops it past the markup limit. */
  private static final class MarkupGuard extends FilterInputStream {
    private long sinceEvent;

    MarkupGuard(InputStream in) {
      super(in);
    }

    void eventSeen() {
      sinceEvent = 0;
    }

    @Override
    public int read() throws IOException {
      check();
      int b = super.read();
      sinceEvent += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check();
      int n = super.read(buffer, offset, length);
      sinceEvent += Math.max(n, 0);
      return n;
    }

    private void check() throws MarkupTooLarge {
      if (sinceEvent > MAX_MARKUP_BYTES) {
        throw new MarkupTooLarge();
      }
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
