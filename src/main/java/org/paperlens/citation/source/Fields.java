package org.paperlens.citation.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reading optional JSON fields the way both sources send them: missing, {@code null} and blank all mean "not given". */
final class Fields {

  private Fields() {}

  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return Optional.empty();
    }
    String s = v.asText().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** A whole number; a number sent as text ({@code "2021"}) counts, anything else is not given. */
  static Optional<Integer> integer(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.canConvertToInt() && v.isIntegralNumber()) {
      return Optional.of(v.intValue());
    }
    if (v.isTextual()) {
      try {
        return Optional.of(Integer.parseInt(v.asText().strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The array in {@code field}, or empty when missing or {@code null}; a non-array is the caller's problem. */
  static Optional<JsonNode> array(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /** The text after the last slash: OpenAlex writes its ids as URLs ({@code https://openalex.org/W2741809807}). */
  static String lastSegment(String url) {
    int slash = url.lastIndexOf('/');
    return slash < 0 ? url : url.substring(slash + 1);
  }
}
