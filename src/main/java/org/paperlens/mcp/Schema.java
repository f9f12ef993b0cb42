package org.paperlens.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema (2020-12) fragments for tool inputs and outputs, as the maps the SDK sends. Inputs
 * allow no unknown property, so a misspelt argument is an error the agent sees, not a silent default.
 */
final class Schema {

  private Schema() {}

  /** An object with these properties (in order), of which {@code required} must be present. */
  static Map<String, Object> object(Map<String, Object> properties, String... required) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "object");
    m.put("properties", properties);
    if (required.length > 0) {
      m.put("required", List.of(required));
    }
    return m;
  }

  /** A tool's input: an object that takes no other property. */
  static Map<String, Object> input(Map<String, Object> properties, String... required) {
    Map<String, Object> m = object(properties, required);
    m.put("additionalProperties", false);
    return m;
  }

  /** Properties in the order given: name, schema, name, schema, ... */
  static Map<String, Object> props(Object... nameThenSchema) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenSchema.length; i += 2) {
      m.put((String) nameThenSchema[i], nameThenSchema[i + 1]);
    }
    return m;
  }

  static Map<String, Object> string(String description) {
    return typed("string", description);
  }

  /** A string of at most {@code maxLength} characters that is not empty. */
  static Map<String, Object> string(String description, int maxLength) {
    Map<String, Object> m = typed("string", description);
    m.put("minLength", 1);
    m.put("maxLength", maxLength);
    return m;
  }

  static Map<String, Object> date(String description) {
    Map<String, Object> m = typed("string", description);
    m.put("format", "date");
    m.put("pattern", "^\\d{4}-\\d{2}-\\d{2}$");
    return m;
  }

  static Map<String, Object> integer(String description, int min, int max, Integer byDefault) {
    Map<String, Object> m = typed("integer", description);
    m.put("minimum", min);
    m.put("maximum", max);
    if (byDefault != null) {
      m.put("default", byDefault);
    }
    return m;
  }

  static Map<String, Object> integer(String description) {
    return typed("integer", description);
  }

  static Map<String, Object> number(String description) {
    return typed("number", description);
  }

  static Map<String, Object> bool(String description) {
    return typed("boolean", description);
  }

  static Map<String, Object> oneOf(String description, List<String> values, String byDefault) {
    Map<String, Object> m = typed("string", description);
    m.put("enum", values);
    if (byDefault != null) {
      m.put("default", byDefault);
    }
    return m;
  }

  static Map<String, Object> array(String description, Map<String, Object> items, int maxItems) {
    Map<String, Object> m = typed("array", description);
    m.put("items", items);
    m.put("maxItems", maxItems);
    return m;
  }

  static Map<String, Object> array(String description, Map<String, Object> items) {
    Map<String, Object> m = typed("array", description);
    m.put("items", items);
    return m;
  }

  /** A map from names to counts. */
  static Map<String, Object> counts(String description) {
    Map<String, Object> m = typed("object", description);
    m.put("additionalProperties", Map.of("type", "integer"));
    return m;
  }

  private static Map<String, Object> typed(String type, String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    if (description != null) {
      m.put("description", description);
    }
    return m;
  }
}
