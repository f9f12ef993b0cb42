package org.paperlens.citation.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.paperlens.ingest.CappedBody;
import org.paperlens.ingest.ResponseTooLarge;

/**
 * One source's HTTP client, polite and fault-tolerant (see the package doc). Requests go one at a
 * time ({@link #send} is synchronized), so pacing and the health state stay simple.
 *
 * <p>Outcomes: a 200 whose body parses is {@link Exchange.Ok}; 429 and 503 (or the source's own
 * "slow down" statuses) wait as long as
 * {@code Retry-After} asks (up to the policy's longest wait) or back off; other 5xx, timeouts,
 * broken connections and bodies that do not parse back off and retry; when attempts run out the
 * source is {@link Exchange.Unavailable} (or {@link Exchange.Unusable} when the last failure was an
 * unreadable body: the source answers, but not with anything usable). A refusal (4xx) or a body
 * over the size limit is {@link Exchange.Unusable} at once and is not asked again.
 */
public final class PoliteClient implements AutoCloseable {

  /** Turns a 200 body into a value; throws {@link IOException} when the body is not what the source documents. */
  @FunctionalInterface
  public interface BodyParser<T> {
    T parse(InputStream body) throws IOException;
  }

  /** Error pages are only quoted (one line of them), so only their start is read. */
  private static final int ERROR_PAGE_BYTES = 4096;
  private static final String USER_AGENT = "paperlens/0.1 (self-hosted paper discovery; citation data)";

  private final String source;
  private final Set<Integer> slowDown;
  private final FetchPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RateLimiter limiter;
  private final Consumer<String> notices;
  private final HttpClient http;
  private Instant unavailableSince;
  private Instant leftAloneUntil;
  private String lastProblem = "";

  /** The statuses most servers use for "slow down": 429 Too Many Requests and 503 Service Unavailable. */
  public static final Set<Integer> SLOW_DOWN = Set.of(429, 503);

  public PoliteClient(String source, FetchPolicy policy, Clock clock, Sleeper sleeper, Consumer<String> notices) {
    this(source, policy, SLOW_DOWN, clock, sleeper, notices);
  }

  /**
   * @param slowDown the statuses this source answers when asked too fast or too much: they wait as
   *     {@code Retry-After} asks, or back off (OpenAlex adds 403 to 429 and 503)
   */
  public PoliteClient(String source, FetchPolicy policy, Set<Integer> slowDown, Clock clock, Sleeper sleeper,
      Consumer<String> notices) {
    this.slowDown = Set.copyOf(slowDown);
    this.source = source;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.notices = notices;
    this.limiter = new RateLimiter(policy.interval(), clock, sleeper);
    this.http = HttpClient.newBuilder()
        .connectTimeout(policy.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** A request to {@code uri} with this client's time limit, user agent and gzip accepted. */
  public HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(policy.timeout())
        .header("User-Agent", USER_AGENT)
        .header("Accept-Encoding", "gzip");
  }

  /** Since when the source has been failing; empty once a request gets an answer again. */
  public synchronized Optional<Instant> unavailableSince() {
    return Optional.ofNullable(unavailableSince);
  }

  public synchronized <T> Exchange<T> send(HttpRequest request, BodyParser<T> parser) {
    if (leftAloneUntil != null && clock.instant().isBefore(leftAloneUntil)) {
      return new Exchange.Unavailable<>(unavailableSince, leftAloneUntil, lastProblem);
    }
    Instant firstFailure = null; // "unavailable since" means since the first failed attempt, not since giving up
    for (int attempt = 1; ; attempt++) {
      Instant started;
      Attempt<T> outcome;
      try {
        limiter.acquire();
        started = clock.instant();
        outcome = attempt(request, parser, attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Exchange.Unavailable<>(clock.instant(), clock.instant(), "interrupted");
      }
      Retry<T> retry;
      switch (outcome) {
        case Done<T> done -> {
          return done.exchange();
        }
        case Retry<T> r -> retry = r;
      }
      if (firstFailure == null) {
        firstFailure = started;
      }
      if (retry.delay().compareTo(policy.longestRetryAfter()) > 0) {
        return giveUp(retry.problem() + ", longer than this client waits", retry.delay(), firstFailure);
      }
      if (attempt >= policy.maxAttempts()) {
        String last = "gave up on " + request.uri() + " after " + attempt + " attempts; last: " + retry.problem();
        if (retry.unreadable()) {
          return new Exchange.Unusable<>(last); // the source answers, just not with anything usable
        }
        return giveUp(last, policy.coolDown(), firstFailure);
      }
      notices.accept(String.format("%s: %s: %s; retry %d of %d in %.1f s", source, request.uri(), retry.problem(),
          attempt, policy.maxAttempts() - 1, retry.delay().toMillis() / 1000.0));
      try {
        if (retry.delay().isPositive()) {
          sleeper.sleep(retry.delay());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Exchange.Unavailable<>(clock.instant(), clock.instant(), "interrupted");
      }
    }
  }

  /** How one attempt ended: with an outcome for the caller, or with a failure worth another try. */
  private sealed interface Attempt<T> permits Done, Retry {}

  private record Done<T>(Exchange<T> exchange) implements Attempt<T> {}

  /** @param unreadable the server answered 200 with a body that did not parse */
  private record Retry<T>(String problem, Duration delay, boolean unreadable) implements Attempt<T> {}

  private <T> Attempt<T> attempt(HttpRequest request, BodyParser<T> parser, int attempt) throws InterruptedException {
    try {
      HttpResponse<byte[]> response = within(request);
      int status = response.statusCode();
      if (status == 200) {
        try (InputStream body = unpacked(response)) {
          T value = parser.parse(body);
          answered();
          return new Done<>(new Exchange.Ok<>(value));
        } catch (ResponseTooLarge e) {
          throw e;
        } catch (IOException | RuntimeException e) {
          return new Retry<>("an unreadable response (" + e.getMessage() + ")", policy.backoff(attempt), true);
        }
      }
      if (slowDown.contains(status)) {
        Optional<Duration> asked = response.headers().firstValue("Retry-After")
            .flatMap(v -> RetryAfter.parse(v, clock.instant()));
        return new Retry<>("HTTP " + status + asked.map(a -> " with Retry-After " + a.toSeconds() + " s").orElse(""),
            asked.orElse(policy.backoff(attempt)), false);
      }
      if (status >= 500) {
        return new Retry<>("HTTP " + status, policy.backoff(attempt), false);
      }
      answered();
      return new Done<>(new Exchange.Unusable<>(request.uri() + " answered HTTP " + status + ": " + snippet(response.body())));
    } catch (ResponseTooLarge e) {
      answered();
      return new Done<>(new Exchange.Unusable<>(request.uri() + ": " + e.getMessage() + "; not read on"));
    } catch (IOException e) {
      String problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      return new Retry<>(problem, policy.backoff(attempt), false);
    }
  }

  /** The source answered: whatever failures came before are over. */
  private void answered() {
    if (unavailableSince != null) {
      notices.accept(source + ": answering again (unavailable since " + unavailableSince + ")");
    }
    unavailableSince = null;
    leftAloneUntil = null;
    lastProblem = "";
  }

  private <T> Exchange<T> giveUp(String problem, Duration leaveAlone, Instant firstFailure) {
    Instant now = clock.instant();
    if (unavailableSince == null) {
      unavailableSince = firstFailure;
    }
    leftAloneUntil = now.plus(leaveAlone);
    lastProblem = problem;
    notices.accept(source + ": unavailable since " + unavailableSince + ", left alone until " + leftAloneUntil + ": " + problem);
    return new Exchange.Unavailable<>(unavailableSince, leftAloneUntil, problem);
  }

  /**
   * One request, whole within the time limit: the JDK's request timeout covers only the wait for
   * the headers, so the request runs asynchronously and is cancelled when the limit passes.
   */
  private HttpResponse<byte[]> within(HttpRequest request) throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> pending =
        http.sendAsync(request, CappedBody.handler(policy.maxBytes(), ERROR_PAGE_BYTES));
    try {
      return pending.get(policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw timedOut();
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof ResponseTooLarge big) {
          throw big;
        }
      }
      if (e.getCause() instanceof HttpTimeoutException) {
        throw timedOut(); // the JDK's own limit, on the headers: the same failure in the same words
      }
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  private HttpTimeoutException timedOut() {
    return new HttpTimeoutException("no whole response within " + policy.timeout().toMillis() / 1000.0 + " s");
  }

  private InputStream unpacked(HttpResponse<byte[]> response) throws IOException {
    InputStream raw = new ByteArrayInputStream(response.body());
    boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
    return gzip ? CappedBody.unpackedAtMost(new GZIPInputStream(raw), policy.maxBytes()) : raw;
  }

  private static String snippet(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    return s.isEmpty() ? "(empty body)" : s;
  }

  /** Stops at once: a request abandoned at its time limit must not hold the close until its server lets go. */
  @Override
  public void close() {
    http.shutdownNow();
  }
}
