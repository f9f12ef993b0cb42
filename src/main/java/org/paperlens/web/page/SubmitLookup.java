package org.paperlens.web.page;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.paperlens.ingest.RecordFetcher;
import org.paperlens.ingest.RemoteSourceException;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;

/**
 * Finds the paper a person submits by arXiv id or URL: in the catalogue, or else from the
 * harvester's repository when one is configured ({@code serve --oai-url}). The outcome says which
 * message to show; the page and the API both map it.
 *
 * <p>A fetch is waited for at most {@link #WAIT}: a slow or hung repository never holds a web
 * request longer, and the fetch goes on in the background, so submitting again a little later
 * finds the paper. Messages never name the repository's address or quote its answer (the
 * fetcher logs those): they are internal, and the repository's text is not ours to show.
 */
public final class SubmitLookup {

  /** How long a request waits for a fetch: arXiv's polite pace is one request per 3 s. */
  static final Duration WAIT = Duration.ofSeconds(5);

  /** What became of the submitted text. */
  public sealed interface Outcome {
    record Found(Paper paper) implements Outcome {}
    record NotAnId(String message) implements Outcome {}
    record Unknown(String message) implements Outcome {}
    record Unreachable(String message) implements Outcome {}
    /** The fetch is still under way; submitting again shortly will find the paper. */
    record Pending(String message) implements Outcome {}
  }

  private final CatalogueStore catalogue;
  private final Optional<RecordFetcher> fetcher;

  public SubmitLookup(CatalogueStore catalogue, Optional<RecordFetcher> fetcher) {
    this.catalogue = catalogue;
    this.fetcher = fetcher;
  }

  public Outcome find(String raw) {
    Optional<ArxivId> id = ArxivId.parse(raw);
    if (id.isEmpty()) {
      return new Outcome.NotAnId(raw == null ? "Enter an arXiv id (2401.01234) or an arXiv URL."
          : "'" + raw + "' is not an arXiv id or arXiv URL; try the form 2401.01234 or https://arxiv.org/abs/2401.01234.");
    }
    Optional<Paper> known = catalogue.find(id.get().id());
    if (known.isPresent()) {
      return new Outcome.Found(known.get());
    }
    if (fetcher.isEmpty()) {
      return new Outcome.Unknown("arXiv " + id.get().id() + " is not in the catalogue yet. The harvester adds new papers"
          + " daily; check the id, or try again after the next harvest.");
    }
    try {
      return fetcher.get().fetchAsync(id.get().id()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS)
          .<Outcome>map(Outcome.Found::new)
          .orElseGet(() -> new Outcome.Unknown("arXiv has no paper " + id.get().id() + "; check the id."));
    } catch (TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return new Outcome.Pending("arXiv " + id.get().id() + " is being fetched, and arXiv is slow to answer;"
          + " submit it again in a minute.");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RemoteSourceException) {
        return new Outcome.Unreachable("arXiv " + id.get().id() + " is not in the catalogue, and fetching it failed;"
            + " try again later.");
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }
}
