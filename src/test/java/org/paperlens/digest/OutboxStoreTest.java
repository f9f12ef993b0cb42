package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/** The subscription and outbox stores on a real database (SQLite, and PostgreSQL on the pom's second run). */
class OutboxStoreTest {

  private static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Cadence DAILY = new Cadence(Cadence.Frequency.DAILY, 8, DayOfWeek.MONDAY, ZoneOffset.UTC);

  @TempDir Path tmp;
  private Stores s;
  private OutboxStore outbox;
  private Subscriptions subscriptions;

  @BeforeEach
  void open() {
    s = new Stores(tmp, CLOCK);
    outbox = new OutboxStore(s.catalogue.database());
    subscriptions = new Subscriptions(s.subscriptions, new Links("http://localhost"), CLOCK);
  }

  @AfterEach
  void close() {
    if (s != null) {
      s.close();
    }
  }

  @Test
  void subscribing_stores_the_subscription_its_confirmation_token_and_one_queued_mail() {
    Subscriptions.Pending p = subscriptions.subscribe("Ada@Example.org", null, new Topic.Trending(), DAILY);
    assertThat(p.subscription().email()).isEqualTo("ada@example.org");
    assertThat(s.subscriptions.active()).isEmpty();
    assertThat(outbox.due(NOW, 10)).singleElement().extracting(OutboxMessage::kind).isEqualTo("confirm");
    assertThat(subscriptions.confirm(p.confirmToken())).get().extracting(Subscription::confirmedAt).isEqualTo(NOW);
    assertThat(s.subscriptions.confirm(p.subscription().id(), NOW.plusSeconds(60))).as("once").isTrue();
    assertThat(s.subscriptions.find(p.subscription().id()).orElseThrow().confirmedAt()).isEqualTo(NOW);
    assertThat(s.subscriptions.active()).hasSize(1);
    assertThat(s.subscriptions.token("not-a-token", SubscriptionStore.Purpose.CONFIRM)).isEmpty();
  }

  @Test
  void a_slot_is_planned_once_and_a_message_is_claimed_by_one_sender_only() {
    long sub = subscriptions.subscribe("ada@example.org", null, new Topic.Trending(), DAILY).subscription().id();
    OutboxMessage m = new OutboxMessage(0, sub, "2026-07-02T08:00:00Z", "digest", "ada@example.org", "<1@x>", "S", "t", "h",
        "u", "pending", 0);
    long id = s.catalogue.database().transaction(tx -> OutboxStore.insert(tx, m, NOW));
    long again = s.catalogue.database().transaction(tx -> OutboxStore.insert(tx, m, NOW));
    assertThat(id).isPositive();
    assertThat(again).isEqualTo(-1);

    assertThat(outbox.claim(id, NOW, NOW.plusSeconds(300))).isTrue();
    assertThat(outbox.claim(id, NOW, NOW.plusSeconds(300))).as("claimed until then").isFalse();
    assertThat(outbox.claim(id, NOW.plusSeconds(301), NOW.plusSeconds(600))).as("a dead sender's claim runs out").isTrue();
    outbox.markSent(id, NOW.plusSeconds(302));
    assertThat(outbox.claim(id, NOW.plusSeconds(900), NOW.plusSeconds(1200))).isFalse();
    assertThat(outbox.countsByState()).containsEntry("sent", 1L).containsEntry("pending", 1L);
  }

  @Test
  void a_permanent_failure_suppresses_the_address_and_cancels_its_other_mail() {
    long sub = subscriptions.subscribe("ada@example.org", null, new Topic.Trending(), DAILY).subscription().id();
    long other = subscriptions.subscribe("bob@example.org", null, new Topic.Trending(), DAILY).subscription().id();
    List<OutboxMessage> due = outbox.due(NOW, 10);
    OutboxMessage ada = due.stream().filter(m -> m.subscriptionId() == sub).findFirst().orElseThrow();
    outbox.markFailed(ada.id(), "ada@example.org", "550 no such user", true, NOW);
    assertThat(s.subscriptions.suppressedReason("ada@example.org")).contains("550 no such user");
    assertThat(outbox.due(NOW, 10)).extracting(OutboxMessage::subscriptionId).containsExactly(other);
    assertThat(outbox.stillWanted(ada)).isFalse();
  }

  @Test
  void papers_mailed_to_an_address_are_recorded_once() {
    long sub = subscriptions.subscribe("ada@example.org", null, new Topic.Trending(), DAILY).subscription().id();
    PaperId p = s.paper("2607.00001", java.time.LocalDate.parse("2026-07-01"), "cs.LG");
    long id = outbox.due(NOW, 1).getFirst().id();
    s.catalogue.database().transaction(tx -> {
      OutboxStore.recordPapers(tx, "ada@example.org", List.of(p, p), id);
      OutboxStore.recordPapers(tx, "ada@example.org", List.of(p), id);
      return null;
    });
    assertThat(outbox.sentPapers()).isEqualTo(Map.of("ada@example.org", Set.of(p.value())));
    s.subscriptions.forgetUser("nobody");
    assertThat(s.subscriptions.find(sub)).isPresent();
  }
}
