package org.paperlens.mcp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.PaperId;

/**
 * A tool call's arguments, read with the tool's defaults. The SDK has already checked them against
 * the input schema; these reads still say which argument is wrong, so a server built without that
 * check (or a value the schema cannot express, like an impossible date) gets a clear error too.
 */
final class Args {

  private final Map<String, Object> values;

  Args(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  /** A text argument, stripped; null when absent or blank. */
  String text(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new ToolError("'" + name + "' must be a string");
    }
    return s.isBlank() ? null : s.strip();
  }

  String required(String name) {
    String s = text(name);
    if (s == null) {
      throw new ToolError("'" + name + "' is required");
    }
    return s;
  }

  int integer(String name, int byDefault, int min, int max) {
    Object v = values.get(name);
    if (v == null) {
      return byDefault;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new ToolError("'" + name + "' must be a whole number");
    }
    long x = n.longValue();
    if (x < min || x > max) {
      throw new ToolError("'" + name + "' must be between " + min + " and " + max + ", was " + x);
    }
    return (int) x;
  }

  LocalDate date(String name) {
    String s = text(name);
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new ToolError("'" + name + "' must be a date as YYYY-MM-DD, was '" + s + "'");
    }
  }

  /** A list of strings; empty when absent. */
  List<String> texts(String name) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw new ToolError("'" + name + "' must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw new ToolError("'" + name + "' must be an array of strings");
      }
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  PaperId paperId(String name) {
    return id(required(name));
  }

  List<PaperId> paperIds(String name) {
    return texts(name).stream().map(Args::id).toList();
  }

  /** An arXiv id in any spelling (arXiv:2401.00101v2, an abs URL) or another source's id as it is. */
  static PaperId id(String raw) {
    if (raw.length() > 200) {
      throw new ToolError("not a paper id: " + raw.substring(0, 40) + "...");
    }
    return ArxivId.parse(raw).map(ArxivId::id).orElseGet(() -> new PaperId(raw.strip()));
  }
}
