package org.paperlens.ops;

import java.util.List;

/**
 * The answer of a readiness check: every check that was made, and whether all passed.
 *
 * @param checks in the order they were made
 */
public record Health(List<Check> checks) {

  /**
   * One check.
   *
   * @param name what was checked: {@code catalogue}, {@code index} or {@code pipeline}
   * @param ok whether it passed
   * @param detail what was seen, one line (why it failed, or what it found)
   */
  public record Check(String name, boolean ok, String detail) {}

  public Health {
    checks = List.copyOf(checks);
  }

  /** Ready when every check passed. */
  public boolean ready() {
    return checks.stream().allMatch(Check::ok);
  }

  /** The checks that failed, by name. */
  public List<String> failed() {
    return checks.stream().filter(c -> !c.ok()).map(Check::name).toList();
  }
}
