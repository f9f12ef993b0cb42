package org.paperlens.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.paperlens.common.RequestGauge;

/**
 * The encoder giving way to requests: a model run waits while one is in flight, and a request
 * arriving during a run aborts it (ONNX Runtime's terminate flag); the run is repeated and the
 * vectors are those of an undisturbed call.
 */
@Timeout(300) // a guard against hanging, not a speed target
class GivingWayTest {

  private static Encoder encoder;
  /** One batch of long texts: a single model run of seconds on one thread, so a request lands inside it. */
  private static final List<String> LONG = IntStream.range(0, 16).mapToObj(i -> String.join(" ",
      Collections.nCopies(120, "graph neural networks for molecular property prediction " + i))).toList();

  @BeforeAll
  static void open() {
    encoder = Encoder.open(EmbeddingModel.BGE_SMALL_EN_V15_Q, new Encoder.Options(1, 16));
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void a_request_arriving_during_a_run_aborts_it_and_the_run_is_repeated_once_it_ends() throws Exception {
    float[][] undisturbed = encoder.embedDocuments(LONG);
    long abortedBefore = encoder.aborted();
    // A request that comes just before the run starts makes it wait instead (no abort): on a busy
    // machine the embedding thread can be descheduled there, so a few tries, each checked in full.
    for (int attempt = 0; attempt < 5 && encoder.aborted() == abortedBefore; attempt++) { // each a fresh call: its own abort budget
      float[][] out = embedWithARequestArriving();
      for (int i = 0; i < LONG.size(); i++) {
        assertThat(out[i]).containsExactly(undisturbed[i]);
      }
    }
    assertThat(encoder.aborted()).as("a run a request landed in was aborted").isGreaterThan(abortedBefore);
  }

  private float[][] embedWithARequestArriving() throws InterruptedException {
    RequestGauge requests = new RequestGauge(Duration.ZERO, System::nanoTime);
    AtomicReference<float[][]> out = new AtomicReference<>();
    Thread embedding = new Thread(() -> {
      try {
        out.set(encoder.embedDocuments(LONG, requests));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    embedding.start();
    while (requests.hooks() == 0) {
      Thread.sleep(1); // a hook registered: the run is under way (it lasts seconds)
    }
    requests.begin();
    while (requests.waiting() == 0 && embedding.isAlive()) {
      Thread.sleep(1); // aborted (or not started): back to waiting for the request to end
    }
    if (!embedding.isAlive()) { // the run ended before the request came (a descheduled test thread): try again
      requests.end();
      return out.get();
    }
    assertThat(out.get()).as("nothing returned while the request is in flight").isNull();
    requests.end();
    embedding.join();
    return out.get();
  }
}
