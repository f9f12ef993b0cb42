package org.paperlens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading typed fields out of a JSON record. A field of the wrong type (a summary given as an
 * array, categories as a string) is a malformed record, never an empty value: storing it empty
 * would lose the paper's data without a word.
 */
final class JsonFields {

  /** A field of the wrong JSON type; readers turn it into a malformed record. */
  static final class WrongType extends IllegalArgumentException {
    WrongType(String field, String expected, JsonNode actual) {
      super("'" + field + "' should be " + expected + ", not " + typeName(actual));
    }
  }

  private JsonFields() {}

  /** A string field; null when absent or null. */
  static String string(JsonNode node, String field) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new WrongType(field, "a string", n);
    }
    return n.textValue();
  }

  /** An identifier: a string, or a whole number as some corpora write them. */
  static String id(JsonNode node, String field) {
    JsonNode n = node.get(field);
    if (n != null && n.isIntegralNumber()) {
      return n.asText();
    }
    return string(node, field);
  }

  /** A list of strings; empty when absent or null. Null items are passed over. */
  static List<String> strings(JsonNode node, String field) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new WrongType(field, "a list of strings", n);
    }
    List<String> out = new ArrayList<>(n.size());
    for (JsonNode item : n) {
      if (item.isTextual()) {
        out.add(item.textValue());
      } else if (!item.isNull()) {
        throw new WrongType(field, "a list of strings", item);
      }
    }
    return out;
  }

  /** A list of objects or lists, as {@code versions} and {@code authors_parsed} are; empty when absent. */
  static List<JsonNode> items(JsonNode node, String field, boolean objects) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    String expected = objects ? "a list of objects" : "a list of lists";
    if (!n.isArray()) {
      throw new WrongType(field, expected, n);
    }
    List<JsonNode> out = new ArrayList<>(n.size());
    for (JsonNode item : n) {
      if (objects ? !item.isObject() : !item.isArray()) {
        throw new WrongType(field, expected, item);
      }
      out.add(item);
    }
    return out;
  }

  private static String typeName(JsonNode n) {
    String type = n.getNodeType().name().toLowerCase(Locale.ROOT);
    return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
  }
}
