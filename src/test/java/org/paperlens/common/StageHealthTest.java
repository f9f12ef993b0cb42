package org.paperlens.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One stage's fault record: logged per change, not per retry; backoff doubling to a cap; recovery logged once. */
class StageHealthTest {

  private Instant now = Instant.parse("2026-12-06T23:00:00Z");
  private final Clock clock = new Clock() {
    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };
  private final List<String> log = new ArrayList<>();

  @Test
  void retries_back_off_from_one_second_to_sixty_and_the_fault_is_logged_once_until_it_changes_or_ends() {
    StageHealth health = new StageHealth("index", clock, log::add);
    assertThat(health.status().failing()).isFalse();
    assertThat(health.status().lastFault()).isEmpty();
    List<Long> waits = new ArrayList<>();
    Exception readOnly = new UncheckedIOException("cannot update the search index", new IOException("read-only file system"));
    for (int i = 0; i < 9; i++) {
      assertThat(health.due()).isTrue();
      waits.add(health.failed(readOnly).toSeconds());
      assertThat(health.due()).as("waiting out the backoff").isFalse();
      now = now.plus(health.untilDue());
    }
    assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    assertThat(log).singleElement().asString().startsWith("index stage failed").contains("read-only file system");
    StageStatus failing = health.status();
    assertThat(failing.failing()).isTrue();
    assertThat(failing.lastFault().get().failures()).isEqualTo(9);
    assertThat(failing.lastFault().get().since()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
    assertThat(failing.lastFault().get().nextRetry()).as("the loop waited it out").contains(now);
    assertThat(failing.describe()).startsWith("index failing since 2026-12-06T23:00:00Z (9 failures; next retry");

    health.failed(new IllegalStateException("disk full"));
    assertThat(log).as("a different fault is news").hasSize(2);

    now = now.plusSeconds(60);
    health.succeeded();
    health.succeeded();
    assertThat(log).hasSize(3);
    assertThat(log.getLast()).startsWith("index stage recovered after 10 failures over");
    StageStatus recovered = health.status();
    assertThat(recovered.failing()).isFalse();
    assertThat(recovered.lastFault().get().recovered()).contains(now);
    assertThat(recovered.lastFault().get().nextRetry()).isEmpty();
    assertThat(health.failed(readOnly)).as("a new run of failures starts again at the first wait").isEqualTo(Duration.ofSeconds(1));
  }
}
