package org.paperlens.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** What a test does when the machine lacks something it needs: skip and say why, or, on CI, fail. */
class PrerequisitesTest {

  private static final Map<String, String> LAPTOP = Map.of();
  private static final Map<String, String> CI = Map.of("CI", "true");

  @Test
  void a_missing_prerequisite_skips_on_a_contributors_machine_and_fails_on_ci() {
    assertThat(Prerequisites.decide(false, LAPTOP)).isEqualTo(Prerequisites.Outcome.SKIP);
    assertThat(Prerequisites.decide(false, CI)).isEqualTo(Prerequisites.Outcome.FAIL);
    assertThat(Prerequisites.decide(true, CI)).isEqualTo(Prerequisites.Outcome.RUN);
    assertThat(Prerequisites.decide(true, LAPTOP)).isEqualTo(Prerequisites.Outcome.RUN);
  }

  @Test
  void ci_is_any_value_of_the_variable_but_empty_false_or_0() {
    assertThat(Prerequisites.onCi(Map.of("CI", "true"))).isTrue();
    assertThat(Prerequisites.onCi(Map.of("CI", "1"))).isTrue();
    assertThat(Prerequisites.onCi(Map.of("CI", "false"))).isFalse();
    assertThat(Prerequisites.onCi(Map.of("CI", "0"))).isFalse();
    assertThat(Prerequisites.onCi(Map.of("CI", ""))).isFalse();
    assertThat(Prerequisites.onCi(LAPTOP)).isFalse();
  }

  @Test
  void a_skip_carries_its_reason_and_a_failure_on_ci_says_it_is_required() {
    assertThatThrownBy(() -> Prerequisites.require("Chromium", false, () -> "no chromium on PATH", LAPTOP))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("Chromium").hasMessageContaining("no chromium on PATH");
    assertThatThrownBy(() -> Prerequisites.require("Chromium", false, () -> "no chromium on PATH", CI))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("required on CI").hasMessageContaining("no chromium on PATH");
    assertThatCode(() -> Prerequisites.require("Chromium", true, () -> "unused", CI)).doesNotThrowAnyException();
  }

  @Test
  void the_skip_report_lists_each_reason_once_with_its_tests() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SkipReport report = new SkipReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    for (int i = 1; i <= 5; i++) {
      report.executionFinished(test("pg" + i), TestExecutionResult.aborted(new TestAbortedException("PostgreSQL missing")));
    }
    report.executionSkipped(test("flaky"), "disabled: see issue 7");
    report.executionFinished(test("fine"), TestExecutionResult.successful());

    assertThat(report.lines()).containsExactly(
        "[paperlens tests] SKIPPED 5 (pg1, pg2, pg3 and 2 more): PostgreSQL missing",
        "[paperlens tests] SKIPPED 1 (flaky): disabled: see issue 7");
    report.testPlanExecutionFinished(null);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("PostgreSQL missing").contains("issue 7");
    assertThat(report.lines()).as("a second test plan in the same JVM starts afresh").isEmpty();
  }

  private static TestIdentifier test(String name) {
    var descriptor = new AbstractTestDescriptor(UniqueId.root("test", name), name) {
      @Override
      public Type getType() {
        return Type.TEST;
      }
    };
    return TestIdentifier.from(descriptor);
  }
}
