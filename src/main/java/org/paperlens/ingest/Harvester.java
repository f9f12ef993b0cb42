package org.paperlens.ingest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.common.Progress;
import org.paperlens.paper.CatalogueStore;

/**
 * Harvests an OAI-PMH repository (arXiv's) into the catalogue, incrementally and resumably.
 *
 * <p>Each page's records and the cursor that follows them are committed in one transaction
 * ({@link HarvestCursor}), so a harvest killed at any moment resumes from the first page it had
 * not committed. If the repository no longer honours the stored resumption token, the list is
 * requested again from its start: merging is idempotent, so records seen twice change nothing.
 * A complete list moves the next run's {@code from} to the day the list began.
 */
public final class Harvester {

  /**
   * What to harvest and how politely.
   *
   * @param from first datestamp wanted; empty means "carry on from the stored cursor"
   * @param delay the pause between requests the repository asks of harvesters
   * @param firstBackoff the first wait after a failed request; it doubles with each retry
   * @param limits what one request may cost (time, size, Retry-After)
   */
  public record Options(URI baseUrl, String metadataPrefix, Optional<String> set, Optional<LocalDate> from,
      Optional<LocalDate> until, Duration delay, Duration firstBackoff, int maxRetries, FetchLimits limits) {
    public Options {
      Objects.requireNonNull(baseUrl, "baseUrl");
      if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
        throw new IllegalArgumentException("until " + until.get() + " is before from " + from.get());
      }
      if (maxRetries < 0) {
        throw new IllegalArgumentException("max retries cannot be negative, was " + maxRetries);
      }
    }
  }

  /** How a run went: the report's counts, and how many pages it committed. */
  public record Outcome(ImportReport report, int pages) {
    /** True when the catalogue changed: the signal for cron chains to rebuild what derives from it. */
    public boolean changedCatalogue() {
      return report.added() + report.updated() + report.deleted() > 0;
    }
  }

  /** How often one run starts a list again after the repository forgot its token, before giving up. */
  static final int MAX_LIST_RESTARTS = 3;

  private final CatalogueStore store;
  private final Options options;
  private final Progress progress;
  private final Consumer<String> notices;
  private final String stateKey;

  /** @param notices one-line messages worth a person's attention (retries, restarts) */
  public Harvester(CatalogueStore store, Options options, Progress progress, Consumer<String> notices) {
    this.store = store;
    this.options = options;
    this.progress = progress;
    this.notices = notices;
    this.stateKey = HarvestCursor.key(options.baseUrl(), options.set());
  }

  /** True when an earlier run left a cursor, so a run without {@code from} carries on from it. */
  public boolean hasCursor() {
    return store.state(stateKey).isPresent();
  }

  public Outcome run(ImportReport report) throws IOException {
    HarvestCursor cursor = store.state(stateKey).map(HarvestCursor::fromJson).orElse(HarvestCursor.EMPTY);
    Optional<LocalDate> from = options.from().isPresent() ? options.from()
        : cursor.open().isPresent() ? cursor.open().get().from() : cursor.nextFrom();
    HarvestCursor.OpenList resumable = cursor.open()
        .filter(o -> o.prefix().equals(options.metadataPrefix()) && o.from().equals(from) && o.until().equals(options.until()))
        .orElse(null);
    String token = resumable == null ? null : resumable.token();
    LocalDate startedOn = resumable == null ? null : resumable.startedOn();
    notices.accept(describeStart(from, token != null));
    int pages = 0;
    int restarts = 0;
    long seen = 0;
    boolean begun = false;
    try (OaiClient client = new OaiClient(new OaiClient.Settings(options.delay(), options.firstBackoff(),
        options.maxRetries(), options.limits()), notices)) {
      while (true) {
        URI uri = token == null
            ? OaiClient.listRecords(options.baseUrl(), options.metadataPrefix(), options.set(), from, options.until())
            : OaiClient.resume(options.baseUrl(), token);
        OaiClient.Fetched fetched = client.fetch(uri);
        OaiPage page = fetched.page();
        if (page.error().isPresent()) {
          OaiPage.Error error = page.error().get();
          if (error.code().equals(OaiPage.Error.BAD_RESUMPTION_TOKEN) && token != null && restarts < MAX_LIST_RESTARTS) {
            restarts++;
            notices.accept("the repository no longer knows the resumption token; starting the list again");
            token = null;
            continue;
          }
          if (error.code().equals(OaiPage.Error.NO_RECORDS_MATCH) && token == null) {
            commit(report, fetched, cursor.completed(nextFrom(startedOn != null ? startedOn : dayOf(page))));
            notices.accept("no records changed in the range: nothing new");
            return new Outcome(report, pages);
          }
          throw new RemoteSourceException(uri + " answered with OAI-PMH error " + error);
        }
        if (startedOn == null) {
          startedOn = dayOf(page);
        }
        HarvestCursor next = page.resumptionToken().isPresent()
            ? cursor.opened(new HarvestCursor.OpenList(options.metadataPrefix(), from, options.until(),
                page.resumptionToken().get(), startedOn))
            : cursor.completed(nextFrom(startedOn));
        commit(report, fetched, next);
        cursor = next;
        pages++;
        seen += fetched.records().size();
        if (!begun) {
          // Only the first page says how long the list is, so the bar starts once it is in.
          progress.begin("harvest", page.completeListSize().orElse(-1), "records");
          begun = true;
        }
        showProgress(page, fetched.records().size(), seen, pages);
        if (page.listComplete()) {
          return new Outcome(report, pages);
        }
        token = page.resumptionToken().get();
      }
    } finally {
      if (begun) {
        progress.end();
      }
    }
  }

  private String describeStart(Optional<LocalDate> from, boolean resuming) {
    String since = from.map(LocalDate::toString).orElse("the start");
    if (resuming) {
      return "resuming an unfinished list (from " + since + ")";
    }
    return "harvesting " + options.baseUrl() + " from " + since
        + options.until().map(u -> " until " + u).orElse("") + options.set().map(s -> ", set " + s).orElse("")
        + ", format " + options.metadataPrefix() + ", " + options.delay().toMillis() + " ms between requests";
  }

  /** Position in the whole list when the repository says (it counts pages before a resume too). */
  private void showProgress(OaiPage page, int records, long seen, int pages) {
    long done = page.cursor().isPresent() ? page.cursor().getAsLong() + records : seen;
    String of = page.completeListSize().isPresent()
        ? String.format(" of %,d in the list", page.completeListSize().getAsLong()) : "";
    progress.advanceTo(done, String.format("%,d records this run, %,d pages%s", seen, pages, of));
  }

  /**
   * Where the next list starts once this one is complete: the day this one began, or its
   * {@code until} when that came earlier (the days after it were never asked for).
   */
  private LocalDate nextFrom(LocalDate startedOn) {
    return options.until().filter(u -> u.isBefore(startedOn)).orElse(startedOn);
  }

  private void commit(ImportReport report, OaiClient.Fetched fetched, HarvestCursor next) {
    store.write(w -> {
      RecordApplier.apply(w, fetched.records(), report);
      w.putState(stateKey, next.toJson());
      return null;
    });
  }

  /** The repository's day (UTC, as OAI datestamps are) when it made the page; ours if it did not say. */
  private static LocalDate dayOf(OaiPage page) {
    return page.responseDate().map(t -> t.atZone(ZoneOffset.UTC).toLocalDate()).orElse(LocalDate.now(ZoneOffset.UTC));
  }
}
