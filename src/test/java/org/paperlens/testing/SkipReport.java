package org.paperlens.testing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of each test JVM's run, every skipped group of tests with its reason, so a
 * skip is seen on the console and not only in target/surefire-reports (Maven's summary shows a
 * class whose set-up was skipped as "Tests run: 0" and nothing else). A test or class counts as
 * skipped when an assumption aborted it or it is disabled. Registered through
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener.
 */
public final class SkipReport implements TestExecutionListener {

  /** Reason → names of the tests or classes skipped for it, in the order they were skipped. */
  private final Map<String, List<String>> skipped = new TreeMap<>();
  private final PrintStream console;

  public SkipReport() {
    this(System.out);
  }

  SkipReport(PrintStream console) {
    this.console = console;
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier test, String reason) {
    add(reason, test);
  }

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      add(result.getThrowable().map(Throwable::getMessage).orElse("aborted, no reason given"), test);
    }
  }

  private void add(String reason, TestIdentifier test) {
    skipped.computeIfAbsent(reason == null ? "no reason given" : reason, r -> new ArrayList<>()).add(test.getDisplayName());
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan plan) {
    for (String line : lines()) {
      console.println(line);
    }
    console.flush();
    skipped.clear();
  }

  /** The report: one line per reason, with how many and which tests it skipped; empty when none. */
  synchronized List<String> lines() {
    List<String> out = new ArrayList<>();
    for (var e : skipped.entrySet()) {
      List<String> names = e.getValue();
      String which = names.size() <= 3 ? String.join(", ", names)
          : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
      out.add("[paperlens tests] SKIPPED " + names.size() + " (" + which + "): " + e.getKey());
    }
    return out;
  }
}
