package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CadenceTest {

  @Test
  void a_daily_slot_is_the_last_local_hour_passed_in_the_subscribers_zone() {
    Cadence paris = Cadence.parse("daily", "7", null, "Europe/Paris");
    assertThat(paris.latestSlot(Instant.parse("2026-07-03T06:00:00Z"))).isEqualTo(Instant.parse("2026-07-03T05:00:00Z"));
    assertThat(paris.latestSlot(Instant.parse("2026-07-03T04:59:59Z"))).isEqualTo(Instant.parse("2026-07-02T05:00:00Z"));
    // winter time: 07:00 in Paris is 06:00 UTC
    assertThat(paris.latestSlot(Instant.parse("2026-12-03T06:30:00Z"))).isEqualTo(Instant.parse("2026-12-03T06:00:00Z"));
  }

  @Test
  void a_weekly_slot_falls_on_the_chosen_weekday() {
    Cadence weekly = Cadence.parse("weekly", "18", "friday", "America/New_York");
    // Wednesday 2026-07-08: the last Friday 18:00 EDT was 2026-07-03 22:00 UTC
    assertThat(weekly.latestSlot(Instant.parse("2026-07-08T12:00:00Z"))).isEqualTo(Instant.parse("2026-07-03T22:00:00Z"));
    // Friday before 18:00 local: still the previous week's
    assertThat(weekly.latestSlot(Instant.parse("2026-07-10T21:59:00Z"))).isEqualTo(Instant.parse("2026-07-03T22:00:00Z"));
    assertThat(weekly.latestSlot(Instant.parse("2026-07-10T22:00:00Z"))).isEqualTo(Instant.parse("2026-07-10T22:00:00Z"));
  }

  @Test
  void an_hour_skipped_by_a_dst_change_still_gives_one_slot_that_day() {
    Cadence berlin = Cadence.parse("daily", "2", null, "Europe/Berlin");
    // 2026-03-29 02:00 does not exist in Berlin; the slot moves to 03:00 CEST = 01:00 UTC
    assertThat(berlin.latestSlot(Instant.parse("2026-03-29T12:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
  }

  @Test
  void bad_values_are_refused_quoting_them() {
    assertThatThrownBy(() -> Cadence.parse("hourly", "7", null, "UTC")).hasMessageContaining("'hourly'");
    assertThatThrownBy(() -> Cadence.parse("daily", "24", null, "UTC")).hasMessageContaining("24");
    assertThatThrownBy(() -> Cadence.parse("daily", "seven", null, "UTC")).hasMessageContaining("'seven'");
    assertThatThrownBy(() -> Cadence.parse("daily", "7", null, "Mars/Olympus")).hasMessageContaining("Mars/Olympus");
    assertThatThrownBy(() -> Cadence.parse("weekly", "7", "someday", "UTC")).hasMessageContaining("someday");
    assertThatThrownBy(() -> Topic.of("category", "not a category!")).hasMessageContaining("not a category!");
    assertThatThrownBy(() -> Topic.of("podcast", "x")).hasMessageContaining("podcast");
  }

  @Test
  void a_scheduled_run_sends_once_per_slot_and_not_for_slots_before_confirmation(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    try (MailHarness h = new MailHarness(tmp, 1, false)) {
      h.now = Instant.parse("2026-07-03T08:00:00Z"); // confirmed after today's 07:00 UTC slot
      h.confirmed("a@example.org", null, new Topic.Trending());
      assertThat(h.run().run(false, true, l -> {}).planned().due()).as("today's slot was before confirmation").isZero();
      h.now = Instant.parse("2026-07-04T07:00:00Z");
      DigestPlanner planner = new DigestPlanner(h.subscriptionStore, null, TrendingRanking.BY_RECENCY, null, new Links(MailHarness.BASE), h.clock);
      assertThat(planner.plan(false, false).planned()).isEqualTo(1);
      h.now = Instant.parse("2026-07-04T20:00:00Z");
      assertThat(planner.plan(false, false).due()).as("same slot: not again").isZero();
      h.now = Instant.parse("2026-07-05T07:00:01Z");
      assertThat(planner.plan(false, false).due()).isEqualTo(1);
    }
  }
}
