package org.paperlens.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.paperlens.index.IndexCoverage;
import org.paperlens.live.EmbedProgress;
import org.paperlens.live.PipelineStatus;

class ReadinessTest {

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicReference<PipelineStatus> status = new AtomicReference<>(at(10, 10));

  private static PipelineStatus at(long indexSeq, long catalogueSeq) {
    return new PipelineStatus(new IndexCoverage(indexSeq, 5, 5), catalogueSeq, EmbedProgress.NONE, null, null);
  }

  private Readiness readiness(Readiness.Probe catalogue) {
    return new Readiness(catalogue, () -> "5 papers", status::get, Duration.ofSeconds(2), Duration.ofMinutes(10), nanos::get);
  }

  @Test
  void an_index_standing_still_behind_the_catalogue_past_the_limit_is_a_wedged_pipeline_until_it_moves() {
    try (Readiness r = readiness(() -> "at change 12")) {
      assertThat(r.check().ready()).isTrue();
      status.set(at(10, 12));
      nanos.addAndGet(Duration.ofMinutes(9).toNanos());
      assertThat(r.check().ready()).as("behind, but not for long").isTrue();
      nanos.addAndGet(Duration.ofMinutes(2).toNanos());
      Health h = r.check();
      assertThat(h.ready()).isFalse();
      assertThat(h.failed()).containsExactly("pipeline");
      assertThat(h.checks().get(2).detail()).contains("index at change 10 of 12", "no progress for 660 s");
      status.set(at(11, 12));
      assertThat(r.check().ready()).as("it moved").isTrue();
    }
  }

  @Test
  void an_index_stage_failing_past_its_grace_makes_the_process_not_ready_and_a_failing_harvest_does_not() {
    try (Readiness r = readiness(() -> "ok")) {
      var old = new org.paperlens.common.StageStatus.Fault("IOException: read-only file system", java.time.Instant.EPOCH,
          java.time.Instant.now(), 40, java.util.Optional.of(java.time.Instant.now()), java.util.Optional.empty());
      var fresh = new org.paperlens.common.StageStatus.Fault("IOException: read-only file system", java.time.Instant.now(),
          java.time.Instant.now(), 1, java.util.Optional.of(java.time.Instant.now()), java.util.Optional.empty());
      status.set(with(new org.paperlens.common.StageStatus("harvest", true, java.util.Optional.of(old))));
      assertThat(r.check().ready()).as("a remote source's outage").isTrue();
      status.set(with(new org.paperlens.common.StageStatus("index", true, java.util.Optional.of(fresh))));
      assertThat(r.check().ready()).as("a first failure, retried in a second").isTrue();
      status.set(with(new org.paperlens.common.StageStatus("index", true, java.util.Optional.of(old))));
      Health h = r.check();
      assertThat(h.failed()).containsExactly("pipeline");
      assertThat(h.checks().get(2).detail()).contains("index failing since", "read-only file system");
    }
  }

  private static PipelineStatus with(org.paperlens.common.StageStatus stage) {
    return new PipelineStatus(new IndexCoverage(10, 5, 5), 10, EmbedProgress.NONE, null, null, java.util.List.of(),
        java.util.List.of(stage));
  }

  @Test
  void an_index_caught_up_is_never_wedged_however_long_nothing_changes() {
    try (Readiness r = readiness(() -> "ok")) {
      nanos.addAndGet(Duration.ofDays(3).toNanos());
      assertThat(r.check().ready()).isTrue();
    }
  }

  @Test
  void a_failing_probe_names_its_check_and_why() {
    try (Readiness r = readiness(() -> {
      throw new IllegalStateException("jdbc:postgresql://db/paperlens: An I/O error occurred while sending to the backend.");
    })) {
      Health h = r.check();
      assertThat(h.ready()).isFalse();
      assertThat(h.failed()).containsExactly("catalogue");
      assertThat(h.checks().get(0).detail()).contains("I/O error");
    }
  }
}
