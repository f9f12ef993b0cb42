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

  /**
   * Reads the element the cursor is on (a START_ELEMENT) and leaves the cursor on its END_ELEMENT.
   * Keeps no more than {@code budget} allows: past it, or past {@link RecordBudget#MAX_DEPTH},
   * the rest is read over and dropped, and the budget says why (the tree is then incomplete).
   */
  static XmlElement read(XMLStreamReader x, RecordBudget budget) throws XMLStreamException {
    return read(x, budget, 1);
  }

  private static XmlElement read(XMLStreamReader x, RecordBudget budget, int depth) throws XMLStreamException {
    String namespace = x.getNamespaceURI();
    String name = x.getLocalName();
    if (depth > RecordBudget.MAX_DEPTH) {
      budget.refuse("elements nested deeper than " + RecordBudget.MAX_DEPTH);
      XmlElements.skip(x); // iterative: no recursion, however deep the rest goes
      return new XmlElement(namespace, name, Map.of(), "", List.of());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    budget.take(RecordBudget.ELEMENT_COST);
    for (int i = 0; i < x.getAttributeCount() && !budget.spent(); i++) {
      String value = x.getAttributeValue(i);
      if (budget.take(value.length() + RecordBudget.ELEMENT_COST)) {
        attributes.put(x.getAttributeLocalName(i), value);
      }
    }
    StringBuilder text = new StringBuilder();
    List<XmlElement> children = new ArrayList<>();
    while (true) {
      switch (x.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          XmlElement child = read(x, budget, depth + 1);
          if (!budget.spent()) {
            children.add(child);
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (budget.take(x.getTextLength())) {
            text.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
          }
        }
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
