package org.paperlens.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RefreshCadenceTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private final RefreshCadence cadence = RefreshCadence.DEFAULT;

  @Test
  void a_paper_under_two_weeks_old_is_asked_again_the_next_day() {
    assertThat(cadence.next(LocalDate.of(2026, 12, 6), NOW)).isEqualTo(NOW.plus(Duration.ofDays(1)));
    assertThat(cadence.interval(LocalDate.of(2026, 11, 23), NOW)).isEqualTo(Duration.ofDays(1)); // 13.5 days
  }

  @Test
  void from_two_weeks_to_six_months_weekly() {
    assertThat(cadence.interval(LocalDate.of(2026, 11, 22), NOW)).isEqualTo(Duration.ofDays(7)); // 14.5 days
    assertThat(cadence.interval(LocalDate.of(2026, 6, 7), NOW)).isEqualTo(Duration.ofDays(7)); // 182.5 days
  }

  @Test
  void past_six_months_monthly() {
    assertThat(cadence.interval(LocalDate.of(2026, 6, 5), NOW)).isEqualTo(Duration.ofDays(30));
    assertThat(cadence.interval(LocalDate.of(1999, 1, 1), NOW)).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void a_paper_dated_in_the_future_counts_as_new() {
    assertThat(cadence.interval(LocalDate.of(2027, 1, 1), NOW)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void ages_that_shrink_are_refused() {
    assertThatThrownBy(() -> new RefreshCadence(Duration.ofDays(10), Duration.ofDays(5)))
        .hasMessageContaining("young PT240H");
  }
}
