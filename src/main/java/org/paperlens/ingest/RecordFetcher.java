package org.paperlens.ingest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * Brings one arXiv paper into the catalogue on demand with an OAI-PMH {@code GetRecord}, for a
 * paper someone submits before the daily harvest has brought it. The record is merged exactly as
 * the harvester merges it. One request at a time, at arXiv's polite pace, on the fetcher's own
 * thread; one retry at most, and every request within {@link FetchLimits}, because a person is
 * waiting.
 *
 * <p>Callers wait on {@link #fetchAsync} as long as they choose, so a repository that hangs holds
 * no caller longer than that: the fetch goes on in the background, bounded by its limits. Asking
 * for a paper already being fetched joins that fetch. A failure is logged here, once, with the
 * repository's address and answer; callers should show people no more than that it failed.
 * Thread-safe.
 */
public final class RecordFetcher implements AutoCloseable {

  /** Fetches allowed to wait their turn; more are refused at once (the repository is slow or down). */
  static final int MAX_WAITING = 32;

  private static final Logger LOG = Logger.getLogger(RecordFetcher.class.getName());

  private final CatalogueStore store;
  private final URI baseUrl;
  private final OaiClient client;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
    Thread t = new Thread(task, "paperlens-record-fetcher");
    t.setDaemon(true);
    return t;
  });
  private final Map<PaperId, CompletableFuture<Optional<Paper>>> underWay = new HashMap<>();

  /** A fetcher with the limits for submissions and this time limit per request. */
  public RecordFetcher(CatalogueStore store, URI baseUrl, Duration timeout) {
    this(store, baseUrl, FetchLimits.SUBMISSION.withTimeout(timeout));
  }

  public RecordFetcher(CatalogueStore store, URI baseUrl, FetchLimits limits) {
    this.store = store;
    this.baseUrl = baseUrl;
    this.client = new OaiClient(new OaiClient.Settings(Duration.ofSeconds(3), Duration.ofSeconds(1), 1, limits), notice -> {});
  }

  /**
   * Starts fetching the paper, or joins the fetch of it under way, and returns at once. The
   * result is the paper as the repository has it, now also in the catalogue, or empty when the
   * repository does not know the id; it fails with {@link RemoteSourceException} when the
   * repository cannot be reached or answers with an error, and at once when too many fetches wait.
   * Cancelling the returned future does not stop the fetch.
   */
  public synchronized CompletableFuture<Optional<Paper>> fetchAsync(PaperId id) {
    CompletableFuture<Optional<Paper>> running = underWay.get(id);
    if (running != null) {
      return running.copy();
    }
    if (underWay.size() >= MAX_WAITING) {
      LOG.warning(() -> "refused to fetch " + id + " from " + baseUrl + ": " + MAX_WAITING + " fetches are waiting already");
      return CompletableFuture.failedFuture(new RemoteSourceException("too many papers are being fetched already"));
    }
    CompletableFuture<Optional<Paper>> result = new CompletableFuture<>();
    underWay.put(id, result);
    try {
      worker.execute(() -> run(id, result));
    } catch (RejectedExecutionException closed) {
      underWay.remove(id);
      return CompletableFuture.failedFuture(new RemoteSourceException("the fetcher is closed"));
    }
    return result.copy();
  }

  /** {@link #fetchAsync} and wait for it, however long the limits let it take. */
  public Optional<Paper> fetch(PaperId id) throws RemoteSourceException {
    try {
      return fetchAsync(id).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteSourceException("interrupted while fetching " + id, e);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case RemoteSourceException r -> throw r;
        case RuntimeException r -> throw r;
        case Error r -> throw r;
        default -> throw new RemoteSourceException("cannot fetch " + id + ": " + e.getCause(), e.getCause());
      }
    }
  }

  private void run(PaperId id, CompletableFuture<Optional<Paper>> result) {
    try {
      result.complete(fetchNow(id));
    } catch (RemoteSourceException e) {
      LOG.warning(() -> "fetching " + id + " failed: " + e.getMessage());
      result.completeExceptionally(e);
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
    } finally {
      synchronized (this) {
        underWay.remove(id);
      }
    }
  }

  private Optional<Paper> fetchNow(PaperId id) throws RemoteSourceException {
    OaiClient.Fetched fetched;
    try {
      fetched = client.fetch(OaiClient.getRecord(baseUrl, "arXiv", "oai:arXiv.org:" + id.value()));
    } catch (RemoteSourceException e) {
      throw e;
    } catch (IOException e) {
      throw new RemoteSourceException("cannot fetch " + id + " from " + baseUrl + ": " + e.getMessage(), e);
    }
    if (fetched.page().error().isPresent()) {
      OaiPage.Error error = fetched.page().error().get();
      if (error.code().equals("idDoesNotExist")) {
        return Optional.empty();
      }
      throw new RemoteSourceException(baseUrl + " could not give " + id + ": " + error);
    }
    store.write(w -> {
      RecordApplier.apply(w, fetched.records(), new ImportReport());
      return null;
    });
    return store.find(id);
  }

  /** Stops the fetch under way (its callers see it fail) and drops those waiting. */
  @Override
  public void close() {
    worker.shutdownNow();
    client.close();
    synchronized (this) {
      underWay.values().forEach(f -> f.completeExceptionally(new RemoteSourceException("the fetcher was closed")));
      underWay.clear();
    }
  }
}
