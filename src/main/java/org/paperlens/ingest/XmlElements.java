package org.paperlens.ingest;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walking an XML document element by element with StAX, for the readers of arXiv's XML formats.
 * StAX rather than a DOM because one API page or harvest response can hold thousands of records.
 */
final class XmlElements {

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
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
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

  /** All text inside the current element, markup of nested elements left out; ends on its end tag. */
  static String text(XMLStreamReader xml) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    consume(xml, text);
    return text.toString();
  }

  /** Passes over the current element and everything in it; ends on its end tag. */
  static void skip(XMLStreamReader xml) throws XMLStreamException {
    consume(xml, null);
  }

  private static void consume(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
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
          if (text != null) {
            text.append(xml.getText());
          }
        }
        default -> { }
      }
    }
  }
}
