package org.paperlens.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XML element read whole: a tiny tree for the few kilobytes of a single OAI-PMH record.
 *
 * <p>Why: streaming keeps a page of thousands of records out of memory, but mapping one record
 * is far clearer against a tree than against a cursor. Names are local names; namespaces are
 * kept only where a caller must tell formats apart.
 *
 * @param text the element's own character data (not its children's), unnormalised
 */
record XmlElement(String namespace, String name, Map<String, String> attributes, String text,
    List<XmlElement> children) {

  XmlElement {
    namespace = namespace == null ? "" : namespace;
    attributes = Map.copyOf(attributes);
    children = List.copyOf(children);
  }

  /** Reads the element the cursor is on (a START_ELEMENT) and leaves the cursor on its END_ELEMENT. */
  static XmlElement read(XMLStreamReader x) throws XMLStreamException {
    String namespace = x.getNamespaceURI();
    String name = x.getLocalName();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < x.getAttributeCount(); i++) {
      attributes.put(x.getAttributeLocalName(i), x.getAttributeValue(i));
    }
    StringBuilder text = new StringBuilder();
    List<XmlElement> children = new ArrayList<>();
    while (true) {
      switch (x.next()) {
        case XMLStreamConstants.START_ELEMENT -> children.add(read(x));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(x.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          return new XmlElement(namespace, name, attributes, text.toString(), children);
        }
        default -> { } // comments and processing instructions carry no metadata
      }
    }
  }

  Optional<XmlElement> child(String localName) {
    return children.stream().filter(c -> c.name.equals(localName)).findFirst();
  }

  List<XmlElement> children(String localName) {
    return children.stream().filter(c -> c.name.equals(localName)).toList();
  }

  /** The text of the first child called {@code localName}, or null when there is none. */
  String childText(String localName) {
    return child(localName).map(XmlElement::text).orElse(null);
  }

  String attribute(String localName) {
    return attributes.get(localName);
  }
}
