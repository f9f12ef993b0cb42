package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Limits hold when the requests they count arrive at the same moment: the check and the count
 * are one step, so a burst cannot slip through between them.
 */
class ConcurrentLimitsTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture(() -> WebFixture.mailLinkingTo("https://papers.example"));

  /** Runs {@code n} requests at once (each on its own thread, released together) and returns their statuses. */
  static List<Integer> atOnce(int n, IntFunction<HttpResponse<String>> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        futures.add(pool.submit(() -> {
          go.await();
          return request.apply(k).statusCode();
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : futures) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code n} browsers that each already hold a CSRF cookie, so only the racing request is left to send. */
  static List<Browser> browsers(int n) {
    List<Browser> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Browser b = web.browser();
      b.csrf();
      out.add(b);
    }
    return out;
  }

  @Test
  void a_hundred_wrong_passwords_at_once_are_checked_at_most_five_times() throws Exception {
    web.browser().signUp("raced");
    List<Browser> attackers = browsers(100);
    List<Integer> statuses = atOnce(100, i -> attackers.get(i).post("/login", Map.of("name", "raced", "password", "guess" + i)));
    assertThat(statuses).containsOnly(401, 429);
    assertThat(statuses.stream().filter(s -> s == 401).count()).as("passwords checked").isLessThanOrEqualTo(5);
  }

  @Test
  void forty_subscriptions_at_once_queue_at_most_five_confirmation_mails_for_one_address() throws Exception {
    List<Browser> senders = browsers(40);
    List<Integer> statuses = atOnce(40, i -> senders.get(i).post("/subscriptions", Map.of("email", "flooded@example.org")));
    assertThat(statuses).containsOnly(200, 429);
    assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(5);
    long queued = web.db.transaction(tx -> tx.number("SELECT COUNT(*) FROM outbox WHERE email = ?", "flooded@example.org"));
    assertThat(queued).isLessThanOrEqualTo(5);
  }
}
