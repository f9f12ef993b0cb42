package org.paperlens.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running totals of an import or harvest, and the records it had to skip.
 *
 * <p>Not thread-safe: one import fills one report. Keeps the count of the first
 * {@value #KEPT_REASONS} distinct skip reasons (the rest are counted together) and the first
 * {@value #KEPT_PROBLEMS} individual problems, so a file of garbage cannot exhaust memory.
 */
public final class ImportReport {

  /** One skipped record: where it was and why it was skipped. */
  public record Problem(String where, String reason) {}

  static final int KEPT_PROBLEMS = 50;
  static final int KEPT_REASONS = 100;
  static final int MAX_TEXT = 300;
  static final String OTHER_REASONS = "other reasons";

  private long read;
  private long added;
  private long updated;
  private long unchanged;
  private long deleted;
  private long skipped;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Long> skipReasons = new LinkedHashMap<>();

  void countRead() { read++; }
  void countAdded() { added++; }
  void countUpdated() { updated++; }
  void countUnchanged() { unchanged++; }
  void countDeleted() { deleted++; }

  void skip(String where, String reason) {
    skipped++;
    String why = printable(reason, MAX_TEXT);
    // Reasons quote the input (a bad id, a bad date), so a file of garbage has endless distinct ones.
    skipReasons.merge(skipReasons.size() < KEPT_REASONS || skipReasons.containsKey(why) ? why : OTHER_REASONS,
        1L, Long::sum);
    if (problems.size() < KEPT_PROBLEMS) {
      problems.add(new Problem(printable(where, MAX_TEXT), why));
    }
  }

  /**
   * Text from the input made safe to print: control characters (a terminal's escape sequences)
   * become {@code ?}, and it is cut to {@code max} characters.
   */
  static String printable(String text, int max) {
    String s = String.valueOf(text);
    if (s.length() > max) {
      s = s.substring(0, max) + "...";
    }
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || c == 0xFFFE || c == 0xFFFF || Character.getType(c) == Character.SURROGATE) {
        out.append('?');
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  public long read() { return read; }
  public long added() { return added; }
  public long updated() { return updated; }
  public long unchanged() { return unchanged; }
  public long deleted() { return deleted; }
  public long skipped() { return skipped; }
  public List<Problem> problems() { return List.copyOf(problems); }
  public Map<String, Long> skipReasons() { return Map.copyOf(skipReasons); }

  /** The summary printed at the end of {@code paperlens import} and {@code harvest}. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("read %,d: new %,d, updated %,d, unchanged %,d, deleted %,d, skipped %,d%n",
        read, added, updated, unchanged, deleted, skipped));
    if (skipped > 0) {
      sb.append("skipped, by reason:\n");
      skipReasons.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> sb.append(String.format("  %,8d  %s%n", e.getValue(), e.getKey())));
      sb.append("first skipped records:\n");
      problems.stream().limit(10).forEach(p -> sb.append("  ").append(p.where()).append(": ").append(p.reason()).append('\n'));
    }
    return sb.toString();
  }
}
