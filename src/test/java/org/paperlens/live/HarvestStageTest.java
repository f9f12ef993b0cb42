package org.paperlens.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.TestDatabase;

/** The harvest stage's schedule, lease and retry rules, against a source that cannot be reached. */
class HarvestStageTest {

  @TempDir Path tmp;
  private final List<String> log = new ArrayList<>();
  private final AtomicInteger arrivals = new AtomicInteger();
  private final Clock clock = Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC);
  /** Nothing listens on port 1: every request fails at once. */
  private final HarvestSchedule schedule = new HarvestSchedule(URI.create("http://127.0.0.1:1/oai"), Optional.empty(),
      HarvestSchedule.DEFAULT_AT, HarvestSchedule.DEFAULT_ZONE, 1, Duration.ZERO);

  private HarvestStage stage(CatalogueStore store) {
    return new HarvestStage(schedule, store, clock, log::add, arrivals::incrementAndGet, Duration.ZERO, 0);
  }

  private static boolean otherProcessGetsTheLease(CatalogueStore store) {
    Instant now = Instant.now();
    return store.write(w -> w.takeLease(HarvestStage.LEASE, "another process", now, now.plusSeconds(60)));
  }

  @Test
  void nothing_is_harvested_when_the_latest_slot_is_done() {
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"))) {
      store.write(w -> {
        w.putState(HarvestStage.SLOT_KEY, schedule.latestSlot(clock.instant()).toString());
        return null;
      });
      HarvestStage stage = stage(store);
      stage.runIfDue();
      assertThat(stage.last()).isNull();
      assertThat(log).isEmpty();
      assertThat(otherProcessGetsTheLease(store)).as("no lease taken").isTrue();
    }
  }

  @Test
  void a_slot_another_process_is_harvesting_is_left_to_it() {
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"))) {
      assertThat(otherProcessGetsTheLease(store)).isTrue();
      HarvestStage stage = stage(store);
      stage.runIfDue();
      assertThat(stage.last()).isNull();
      assertThat(log).isEmpty();
    }
  }

  @Test
  void a_failed_harvest_is_reported_releases_the_lease_keeps_the_slot_due_and_waits_before_trying_again() {
    try (CatalogueStore store = TestDatabase.catalogue(tmp.resolve("data"))) {
      HarvestStage stage = stage(store);
      stage.runIfDue();
      assertThat(stage.last()).startsWith("2026-07-01T12:00:00Z: failed: ");
      assertThat(log).singleElement().asString().startsWith("harvest of http://127.0.0.1:1/oai failed (retried in 10 min)");
      assertThat(store.state(HarvestStage.SLOT_KEY)).as("the slot is still due").isEmpty();
      assertThat(arrivals).hasValue(0);
      stage.runIfDue();
      assertThat(log).as("no second try within the retry delay").hasSize(1);
      assertThat(otherProcessGetsTheLease(store)).as("the lease was released").isTrue();
    }
  }
}
