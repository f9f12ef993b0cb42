package org.paperlens.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of an arXiv {@code .abs} file, values as written:
 *
 * <pre>
 * ------------------------------------------------------------------------------
 * \\
 * arXiv:hep-th/9901001
 * From: ...
 * Date: Fri, 1 Jan 1999 01:01:10 GMT   (15kb)
 * Date (revised v2): Tue, 5 Jan 1999 21:36:42 GMT   (15kb)
 *
 * Title: ...
 * Authors: ... (a value goes on over following lines that start with white space)
 * \\
 *   The abstract, which may itself contain lines that are just \\ (TeX line breaks).
 * \\
 * </pre>
 *
 * So the header runs from the first {@code \\} line to the second, and the abstract from there to
 * the last; a file that does not end in a {@code \\} line was cut off.
 */
record AbsFile(Map<String, String> fields, String abstractText) {

  private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z-]*(?: \\(revised v\\d+\\))?):\\s?(.*)$");
  private static final Pattern SIZE = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
  private static final String SEPARATOR = "\\\\";

  /** A header field's value (continuation lines joined by line breaks), or null. */
  String field(String name) {
    return fields.get(name);
  }

  /** The {@code Date} and then each {@code Date (revised vN)} value: one per version, oldest first. */
  List<String> dates() {
    return fields.entrySet().stream()
        .filter(e -> e.getKey().equals("Date") || e.getKey().startsWith("Date (revised"))
        .map(Map.Entry::getValue)
        .toList();
  }

  /**
   * Parses the text of an .abs file.
   *
   * @throws IllegalArgumentException saying why, when the text does not have the layout
   */
  static AbsFile parse(String text) {
    List<String> lines = List.of(text.split("\\r?\\n", -1));
    List<Integer> separators = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(SEPARATOR)) {
        separators.add(i);
      }
    }
    if (separators.size() < 2) {
      throw new IllegalArgumentException("not an .abs record (no \\\\ lines around a header)");
    }
    int headerEnd = separators.get(1);
    int last = separators.getLast();
    boolean closed = separators.size() >= 3
        && lines.subList(last + 1, lines.size()).stream().allMatch(String::isBlank);
    if (!closed) {
      throw new IllegalArgumentException("the abstract has no closing \\\\ line (truncated file?)");
    }
    Map<String, String> fields = header(lines.subList(separators.getFirst() + 1, headerEnd));
    String abstractText = String.join("\n", lines.subList(headerEnd + 1, last));
    return new AbsFile(Collections.unmodifiableMap(fields), abstractText);
  }

  private static Map<String, String> header(List<String> lines) {
    Map<String, String> fields = new LinkedHashMap<>();
    String current = null;
    for (String line : lines) {
      if (line.isBlank()) {
        current = null;
      } else if (Character.isWhitespace(line.charAt(0)) && current != null) {
        fields.merge(current, line, (value, more) -> value + "\n" + more);
      } else {
        Matcher m = FIELD.matcher(line);
        if (!m.matches()) {
          throw new IllegalArgumentException("not an .abs header line: '" + line.strip() + "'");
        }
        current = m.group(1);
        fields.put(current, m.group(2));
      }
    }
    return fields;
  }

  /** {@code Fri, 1 Jan 1999 01:01:10 GMT   (15kb)} without the size of the upload. */
  static String withoutSize(String date) {
    return SIZE.matcher(date).replaceFirst("");
  }
}
