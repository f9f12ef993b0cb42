package org.paperlens.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.paperlens.paper.Paper;

/** CSL-JSON (the citeproc input format): an array of items, preprints as type {@code article}. */
final class CslJsonWriter {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CslJsonWriter() {}

  static String write(List<Paper> papers) {
    ArrayNode items = JSON.createArrayNode();
    for (Paper p : papers) {
      ObjectNode item = items.addObject();
      item.put("id", p.id().value());
      item.put("type", p.journalRef() != null ? "article-journal" : "article");
      put(item, "title", p.title());
      ArrayNode authors = item.putArray("author");
      for (String a : p.authors()) {
        Names n = Names.of(a);
        ObjectNode name = authors.addObject();
        name.put("family", n.family());
        if (!n.given().isEmpty()) {
          name.put("given", n.given());
        }
      }
      LocalDate d = BibtexWriter.date(p);
      if (d != null) {
        item.putObject("issued").putArray("date-parts").addArray()
            .add(d.getYear()).add(d.getMonthValue()).add(d.getDayOfMonth());
      }
      put(item, "container-title", p.journalRef());
      put(item, "abstract", p.abstractText());
      put(item, "DOI", p.doi());
      put(item, "URL", p.absUrl());
      if (p.id().isArxiv()) {
        item.put("number", "arXiv:" + p.id().value());
        item.put("publisher", "arXiv");
        if (p.journalRef() == null) {
          item.put("genre", "Preprint");
        }
      }
    }
    try {
      return JSON.writeValueAsString(items) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  private static void put(ObjectNode n, String name, String value) {
    if (value != null && !value.isBlank()) {
      n.put(name, value);
    }
  }
}
