package org.paperlens.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.paperlens.common.BadInputException;

/**
 * Fetches OAI-PMH pages politely: one request at a time, at least {@code delay} apart; a 503 or
 * 429 waits as long as the server's {@code Retry-After} asks, up to the limit; other server
 * errors, timeouts and broken connections are retried with exponential backoff; any other refusal
 * fails at once. Every request is bounded by {@link FetchLimits}: its time from connecting to the
 * last byte, and its body's size as sent and as unpacked; a body past the size limit is not read
 * on and not asked for again.
 *
 * <p>Not thread-safe: one harvest owns one client, and closes it to release the HTTP client's threads.
 */
final class OaiClient implements AutoCloseable {

  /** How to talk to the server. */
  record Settings(Duration delay, Duration firstBackoff, int maxRetries, FetchLimits limits) {}

  /** A parsed page with its records, kept apart until the page is known to be whole. */
  record Fetched(OaiPage page, List<SourceRecord> records) {}

  /** Error pages are only quoted (a line of them), so only their start is read. */
  private static final int ERROR_PAGE_BYTES = 4096;
  private static final String USER_AGENT = "paperlens/0.1 (self-hosted paper discovery; OAI-PMH harvester)";

  private final HttpClient http;
  private final Settings settings;
  private final Consumer<String> notices;
  private final OaiPmhReader reader = new OaiPmhReader();
  private Instant lastRequest = Instant.MIN;

  OaiClient(Settings settings, Consumer<String> notices) {
    this.settings = settings;
    this.notices = notices;
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.limits().timeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  static URI listRecords(URI base, String prefix, Optional<String> set, Optional<LocalDate> from, Optional<LocalDate> until) {
    StringBuilder q = new StringBuilder("verb=ListRecords&metadataPrefix=").append(encode(prefix));
    set.ifPresent(s -> q.append("&set=").append(encode(s)));
    from.ifPresent(d -> q.append("&from=").append(d));
    until.ifPresent(d -> q.append("&until=").append(d));
    return withQuery(base, q.toString());
  }

  static URI getRecord(URI base, String prefix, String identifier) {
    return withQuery(base, "verb=GetRecord&metadataPrefix=" + encode(prefix) + "&identifier=" + encode(identifier));
  }

  static URI resume(URI base, String token) {
    return withQuery(base, "verb=ListRecords&resumptionToken=" + encode(token));
  }

  /**
   * Gets and parses one page. A body that is not a whole OAI-PMH response (a proxy's error page, a
   * cut-off transfer) is retried like a server error, since nothing of it has been applied.
   */
  Fetched fetch(URI uri) throws IOException {
    FetchLimits limits = settings.limits();
    for (int attempt = 0; ; attempt++) {
      waitForTurn();
      String problem;
      Duration wait;
      try {
        HttpResponse<byte[]> response = send(uri);
        lastRequest = Instant.now();
        int status = response.statusCode();
        if (status == 200) {
          List<SourceRecord> records = new ArrayList<>();
          try (InputStream body = body(response, limits.maxBytes())) {
            OaiPage page = reader.parsePage(uri.toString(), body, records::add);
            return new Fetched(page, records);
          } catch (BadInputException e) {
            if (tooLarge(e) != null) {
              throw tooLarge(e);
            }
            problem = "an unreadable response (" + e.getMessage() + ")";
            wait = backoff(attempt);
          }
        } else if (status == 503 || status == 429) {
          Optional<Duration> asked = retryAfter(response);
          problem = "HTTP " + status + (asked.isPresent() ? " with Retry-After " + asked.get().toSeconds() + " s" : "");
          wait = asked.orElse(backoff(attempt));
          if (wait.compareTo(limits.longestRetryAfter()) > 0) {
            throw new RemoteSourceException(uri + " answered HTTP " + status + " and asked to retry after "
                + wait.toSeconds() + " s (Retry-After), longer than this fetch waits ("
                + limits.longestRetryAfter().toSeconds() + " s); giving up for now (try again later)");
          }
        } else if (status >= 500) {
          problem = "HTTP " + status;
          wait = backoff(attempt);
        } else {
          throw new RemoteSourceException(uri + " answered HTTP " + status + ": " + snippet(response.body()));
        }
      } catch (ResponseTooLarge e) {
        throw new RemoteSourceException(uri + ": " + e.getMessage() + "; not read on, and not asked for again", e);
      } catch (IOException e) {
        if (e instanceof RemoteSourceException r) {
          throw r;
        }
        lastRequest = Instant.now();
        problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while fetching " + uri);
      }
      if (attempt >= settings.maxRetries()) {
        throw new RemoteSourceException("gave up on " + uri + " after " + (attempt + 1) + " attempts; last: " + problem);
      }
      notices.accept(String.format("%s: %s; retry %d of %d in %.1f s", uri, problem, attempt + 1,
          settings.maxRetries(), wait.toMillis() / 1000.0));
      sleep(wait);
    }
  }

  /**
   * One request, whole within the time limit: the JDK's request timeout covers only the wait for
   * the headers, so the request runs asynchronously and is cancelled when the limit passes.
   */
  private HttpResponse<byte[]> send(URI uri) throws IOException, InterruptedException {
    FetchLimits limits = settings.limits();
    CompletableFuture<HttpResponse<byte[]>> pending =
        http.sendAsync(request(uri), CappedBody.handler(limits.maxBytes(), ERROR_PAGE_BYTES));
    try {
      return pending.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException("no whole response within " + limits.timeout().toMillis() / 1000.0 + " s");
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof ResponseTooLarge big) {
          throw big;
        }
      }
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /** The size limit, when it is what made a page unreadable (the unpacked body went past it mid-parse). */
  private static RemoteSourceException tooLarge(BadInputException e) {
    for (Throwable t = e; t != null; t = t instanceof javax.xml.stream.XMLStreamException x && x.getNestedException() != null
        ? x.getNestedException() : t.getCause()) {
      if (t instanceof ResponseTooLarge big) {
        return new RemoteSourceException(e.where() + ": " + big.getMessage() + "; not read on, and not asked for again", big);
      }
    }
    return null;
  }

  /** Stops at once: a request abandoned at its time limit must not hold the close until its server lets go. */
  @Override
  public void close() {
    http.shutdownNow();
  }

  private HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(settings.limits().timeout())
        .header("User-Agent", USER_AGENT)
        .header("Accept-Encoding", "gzip")
        .GET()
        .build();
  }

  private static InputStream body(HttpResponse<byte[]> response, long maxBytes) throws IOException {
    InputStream raw = new ByteArrayInputStream(response.body());
    boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
    return gzip ? CappedBody.unpackedAtMost(new GZIPInputStream(raw), maxBytes) : raw;
  }

  /** {@code Retry-After} is either delta-seconds or an HTTP-date (RFC 9110, section 10.2.3). */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> retryAfter(v.strip(), Instant.now()));
  }

  static Optional<Duration> retryAfter(String value, Instant now) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private Duration backoff(int attempt) {
    return settings.firstBackoff().multipliedBy(1L << Math.min(attempt, 20));
  }

  /** The politeness delay, counted from the end of the previous request. */
  private void waitForTurn() throws InterruptedIOException {
    if (!lastRequest.equals(Instant.MIN)) {
      Duration since = Duration.between(lastRequest, Instant.now());
      if (since.compareTo(settings.delay()) < 0) {
        sleep(settings.delay().minus(since));
      }
    }
  }

  private static void sleep(Duration d) throws InterruptedIOException {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  private static String snippet(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    return s.isEmpty() ? "(empty body)" : ImportReport.printable(s, 200);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static URI withQuery(URI base, String query) {
    String b = base.toString();
    return URI.create(b + (b.contains("?") ? "&" : "?") + query);
  }
}
