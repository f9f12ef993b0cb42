package org.paperlens.ingest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * Brings one arXiv paper into the catalogue on demand with an OAI-PMH {@code GetRecord}, for a
 * paper someone submits before the daily harvest has brought it. The record is merged exactly as
 * the harvester merges it. One request at a time, at arXiv's polite pace; one retry at most,
 * because a person is waiting. Thread-safe (calls are serialised).
 */
public final class RecordFetcher implements AutoCloseable {

  private final CatalogueStore store;
  private final URI baseUrl;
  private final OaiClient client;

  public RecordFetcher(CatalogueStore store, URI baseUrl, Duration timeout) {
    this.store = store;
    this.baseUrl = baseUrl;
    this.client = new OaiClient(new OaiClient.Settings(Duration.ofSeconds(3), Duration.ofSeconds(1), 1, timeout), notice -> {});
  }

  /**
   * The paper as the repository has it, now also in the catalogue; empty when the repository
   * does not know the id.
   *
   * @throws RemoteSourceException when the repository cannot be reached or answers with an error
   */
  public synchronized Optional<Paper> fetch(PaperId id) throws RemoteSourceException {
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

  @Override
  public void close() {
    client.close();
  }
}
