package org.paperlens.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTurnsTest {

  @Test
  void beyond_the_turns_and_the_queue_a_request_is_refused_at_once_and_a_closed_turn_lets_the_waiter_in() throws Exception {
    Admission a = new Admission(new Admission.Limits(1, 1, Duration.ofMinutes(2)));
    Admission.Permit first = a.enter();
    assertThat(first).isNotNull();
    CompletableFuture<Admission.Permit> waiter = CompletableFuture.supplyAsync(a::enter);
    for (int i = 0; i < 600 && a.waiting() == 0; i++) {
      Thread.sleep(50);
    }
    assertThat(a.waiting()).isEqualTo(1);
    assertThat(a.enter()).as("the queue is full").isNull();
    first.close();
    first.close(); // twice is once
    Admission.Permit second = waiter.get(60, TimeUnit.SECONDS);
    assertThat(second).isNotNull();
    assertThat(a.computing()).isEqualTo(1);
    second.close();
    assertThat(a.computing()).isZero();
    assertThat(a.admitted()).isEqualTo(2);
    assertThat(a.queued()).isEqualTo(1);
    assertThat(a.refused()).isEqualTo(1);
  }

  @Test
  void a_freed_turn_goes_to_the_request_that_waited_not_to_a_newcomer() throws Exception {
    Admission a = new Admission(new Admission.Limits(1, 1, Duration.ofMinutes(2)));
    Admission.Permit first = a.enter();
    CompletableFuture<Admission.Permit> waiter = new CompletableFuture<>();
    Thread waiting = new Thread(() -> waiter.complete(a.enter()), "waiter");
    waiting.start();
    // Parked in the semaphore's queue, not only counted: a fixed sleep was not always enough on a
    // loaded machine, and a waiter not parked yet is one a newcomer may rightly overtake.
    for (int i = 0; i < 6_000 && !(a.waiting() == 1 && waiting.getState() == Thread.State.TIMED_WAITING); i++) {
      Thread.sleep(10);
    }
    assertThat(waiting.getState()).as("the waiter is parked").isEqualTo(Thread.State.TIMED_WAITING);
    first.close();
    // A newcomer arriving now finds the queue full (refused), or, once the waiter has taken the turn
    // and left the queue, waits behind it. It must never take the freed turn: if it did, holding it,
    // the waiter would not get one.
    CompletableFuture<Admission.Permit> newcomer = CompletableFuture.supplyAsync(a::enter);
    Admission.Permit waited = waiter.get(60, TimeUnit.SECONDS);
    assertThat(waited).as("the freed turn went to the request that waited").isNotNull();
    assertThat(newcomer.getNow(null)).as("a newcomer holding a turn beside the waiter").isNull();
    waited.close();
    Admission.Permit later = newcomer.get(60, TimeUnit.SECONDS);
    if (later != null) {
      later.close();
    }
  }

  @Test
  void a_wait_of_zero_refuses_whoever_finds_no_turn_free() {
    Admission a = new Admission(new Admission.Limits(1, 5, Duration.ZERO));
    Admission.Permit held = a.enter();
    assertThat(a.enter()).isNull();
    held.close();
    assertThat(a.enter()).isNotNull();
  }

  @Test
  void off_admits_everything() {
    Admission a = new Admission(Admission.Limits.OFF);
    for (int i = 0; i < 1000; i++) {
      assertThat(a.enter()).isNotNull();
    }
    assertThat(a.refused()).isZero();
  }

  @Test
  void negative_limits_are_refused_with_the_values() {
    assertThatThrownBy(() -> new Admission.Limits(-1, 0, Duration.ZERO)).hasMessageContaining("computing -1");
  }

  /** A clock the test moves: the times turns are held are what the test says. */
  private static final class Clock implements java.util.function.LongSupplier {
    volatile long nanos;

    @Override
    public long getAsLong() {
      return nanos;
    }

    void advance(Duration d) {
      nanos += d.toNanos();
    }
  }

  @Test
  void a_request_whose_expected_wait_exceeds_the_budget_is_refused_at_once_without_queueing() {
    Clock clock = new Clock();
    // Two turns, room for ten in the queue, a budget of 300 ms.
    Admission a = new Admission(new Admission.Limits(2, 10, Duration.ofMillis(300)), clock);
    Admission.Permit timed = a.enter();
    clock.advance(Duration.ofMillis(400)); // a turn is held 400 ms
    timed.close();
    assertThat(a.serviceTime()).isEqualTo(Duration.ofMillis(400));
    Admission.Permit one = a.enter();
    Admission.Permit two = a.enter();
    // The next one would wait for one of two turns of 400 ms: about 200 ms, within the budget. But
    // with one queued ahead of it, the second would wait for two such turns: 400 ms, past it.
    CompletableFuture<Admission.Permit> first = CompletableFuture.supplyAsync(a::enter);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (a.waiting() == 0 && !first.isDone() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(a.waiting()).as("the first waits its turn").isEqualTo(1);
    assertThat(a.enter()).as("the second is refused").isNull();
    assertThat(a.queued()).as("the refused one never queued").isEqualTo(1);
    assertThat(a.refused()).isEqualTo(1);
    assertThat(a.refusedAtOnce()).isEqualTo(1);
    one.close();
    assertThat(first.join()).isNotNull();
    two.close();
  }

  @Test
  void the_time_a_turn_is_held_is_a_moving_average_that_follows_a_slower_machine() {
    Clock clock = new Clock();
    Admission a = new Admission(new Admission.Limits(1, 1, Duration.ofSeconds(1)), clock);
    assertThat(a.serviceTime()).isZero();
    Admission.Permit p = a.enter();
    clock.advance(Duration.ofMillis(10));
    p.close();
    for (int i = 0; i < 30; i++) {
      p = a.enter();
      clock.advance(Duration.ofMillis(100));
      p.close();
    }
    // After thirty turns of 100 ms the ten-millisecond start has all but faded (0.9^30 of it is left).
    assertThat(a.serviceTime().toNanos()).isBetween(Duration.ofMillis(95).toNanos(), Duration.ofMillis(100).toNanos());
  }
}
