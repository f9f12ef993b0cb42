package org.paperlens.citation.source;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.paperlens.citation.CitationSource;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Edges;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.Lookup;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.WorkKey;
import org.paperlens.citation.http.Exchange;
import org.paperlens.citation.http.FetchPolicy;
import org.paperlens.citation.http.PoliteClient;
import org.paperlens.citation.http.Sleeper;

/**
 * OpenAlex's works API: papers looked up by DOI, arXiv papers by the DOI arXiv registers for them
 * ({@code 10.48550/arXiv.ID}), many at once with {@code filter=doi:A|B|…} and only the fields
 * needed ({@code select=}), with the configured {@code api_key} and {@code mailto}. Each request
 * is one "list" call in OpenAlex's pricing, so a batch of 50 papers costs one call, plus what
 * {@link OpenAlexLinks} adds: the references' own ids and titles (once per paper) and the citers.
 *
 * <p>A work is matched back to the key that asked for it by its DOI, or for an arXiv key by the
 * arXiv id found in its DOI or locations; a key no work matches is {@link Lookup.UnknownId}.
 */
public final class OpenAlexSource implements CitationSource {

  /**
   * @param apiKey OpenAlex's (free) API key, sent as {@code api_key=}: since February 2026 the API
   *     without a key allows only a few cents' worth of requests a day, enough for tests, not for a catalogue
   * @param mailto the contact address OpenAlex asks for (its "polite pool"), sent as {@code mailto=}
   * @param batchSize DOIs per request; OpenAlex ORs at most 100 values in one filter and returns at
   *     most 100 works per page
   */
  public record Settings(URI baseUrl, Optional<String> apiKey, Optional<String> mailto, int batchSize, FetchPolicy policy) {
    public Settings {
      if (batchSize < 1 || batchSize > 100) {
        throw new IllegalArgumentException("OpenAlex takes 1 to 100 DOIs per request, was " + batchSize);
      }
    }

    public static Settings defaults(Optional<String> apiKey, Optional<String> mailto) {
      return new Settings(URI.create("https://api.openalex.org"), apiKey, mailto, 50, FetchPolicy.openAlex());
    }
  }

  /** OpenAlex documents 403 as "rate limit exceeded; slow down" and 429 as "daily limit exceeded". */
  static final Set<Integer> SLOW_DOWN = Set.of(403, 429, 503);

  static final String SELECT = "id,doi,ids,title,publication_year,primary_location,locations,authorships,"
      + "cited_by_count,counts_by_year,referenced_works";

  private final Settings settings;
  private final Clock clock;
  private final PoliteClient client;
  private final OpenAlexLinks links;

  public OpenAlexSource(Settings settings, Clock clock, Sleeper sleeper, Consumer<String> notices) {
    this.settings = settings;
    this.clock = clock;
    this.client = new PoliteClient(SourceName.OPENALEX.displayName(), settings.policy(), SLOW_DOWN, clock, sleeper, notices);
    this.links = new OpenAlexLinks(settings, client);
  }

  @Override
  public SourceName name() {
    return SourceName.OPENALEX;
  }

  @Override
  public List<Lookup> lookup(List<WorkKey> keys) {
    return lookup(keys, Reading.EVERYTHING);
  }

  @Override
  public List<Lookup> lookup(List<WorkKey> keys, Reading reading) {
    List<Lookup> out = new ArrayList<>(keys.size());
    for (List<WorkKey> batch : SourceBatches.split(keys, settings.batchSize())) {
      out.addAll(lookupBatch(batch, reading));
    }
    return out;
  }

  @Override
  public int batchSize() {
    return settings.batchSize();
  }

  private List<Lookup> lookupBatch(List<WorkKey> batch, Reading reading) {
    List<WorkKey> askable = new ArrayList<>();
    for (WorkKey k : batch) {
      // '|' separates the values of an OpenAlex filter and ',' separates filters: such a DOI cannot be asked for.
      if (k.asDoi().value().indexOf('|') < 0 && k.asDoi().value().indexOf(',') < 0) {
        askable.add(k);
      }
    }
    Map<WorkKey, Work> found = new LinkedHashMap<>();
    if (!askable.isEmpty()) {
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      Exchange<List<Work>> answer = client.send(client.request(worksUri(askable, reading)).GET().build(),
          body -> OpenAlexLinks.works(body, today));
      switch (answer) {
        case Exchange.Ok<List<Work>> ok -> ok.value().forEach(w -> match(w, askable).ifPresent(k -> found.putIfAbsent(k, w)));
        default -> {
          return SourceBatches.failed(batch, name(), answer);
        }
      }
      Optional<Exchange<?>> down = completeLinks(found, reading, today);
      if (down.isPresent()) {
        return SourceBatches.failed(batch, name(), down.get());
      }
    }
    List<Lookup> out = new ArrayList<>(batch.size());
    for (WorkKey k : batch) {
      if (!askable.contains(k)) {
        out.add(new Lookup.BadResponse(k, name(), "the DOI " + k.asDoi() + " holds '|' or ',', which an OpenAlex filter cannot express"));
      } else {
        Work w = found.get(k);
        out.add(w == null ? new Lookup.UnknownId(k) : new Lookup.Found(k, w));
      }
    }
    return out;
  }

  /**
   * Replaces the bare reference ids of the found works by what they are (when reading
   * everything), and adds their citers. A source that stops answering midway fails the batch
   * (returned), so nothing half-read is stored; an unusable answer leaves that part as it was
   * (bare ids, or citers not given).
   */
  private Optional<Exchange<?>> completeLinks(Map<WorkKey, Work> found, Reading reading, LocalDate today) {
    if (reading == Reading.REFRESH) {
      found.replaceAll((k, w) -> withReferences(w, Edges.NOT_GIVEN)); // read once, and not asked for
    } else {
      Set<String> ids = new LinkedHashSet<>();
      found.values().forEach(w -> w.references().listed().forEach(r -> r.ids().openAlex().ifPresent(ids::add)));
      switch (links.resolve(ids, today)) {
        case OpenAlexLinks.Outcome.Done<Map<String, LinkedWork>> done -> found.replaceAll((k, w) -> resolved(w, done.value()));
        case OpenAlexLinks.Outcome.Failed<Map<String, LinkedWork>> failed -> {
          if (failed.failure() instanceof Exchange.Unavailable<?>) {
            return Optional.of(failed.failure());
          }
        }
      }
    }
    switch (links.citers(List.copyOf(found.values()), today)) {
      case OpenAlexLinks.Outcome.Done<Map<String, List<LinkedWork>>> done -> found.replaceAll((k, w) ->
          w.ids().openAlex().map(done.value()::get).map(c -> withCitations(w, c)).orElse(w));
      case OpenAlexLinks.Outcome.Failed<Map<String, List<LinkedWork>>> failed -> {
        if (failed.failure() instanceof Exchange.Unavailable<?>) {
          return Optional.of(failed.failure());
        }
      }
    }
    return Optional.empty();
  }

  private static Work resolved(Work w, Map<String, LinkedWork> resolved) {
    if (!(w.references() instanceof Edges.Listed listed)) {
      return w;
    }
    return withReferences(w, new Edges.Listed(listed.works().stream()
        .map(r -> r.ids().openAlex().map(resolved::get).orElse(r))
        .toList()));
  }

  private static Work withReferences(Work w, Edges references) {
    return new Work(w.source(), w.ids(), w.title(), w.year(), w.venue(), w.citationCount(), w.countsByYear(), w.tldr(),
        references, w.citations(), w.authorships());
  }

  private static Work withCitations(Work w, List<LinkedWork> citers) {
    return new Work(w.source(), w.ids(), w.title(), w.year(), w.venue(), w.citationCount(), w.countsByYear(), w.tldr(),
        w.references(), new Edges.Listed(citers), w.authorships());
  }

  URI worksUri(List<WorkKey> keys) {
    return worksUri(keys, Reading.EVERYTHING);
  }

  URI worksUri(List<WorkKey> keys, Reading reading) {
    String dois = keys.stream().map(k -> k.asDoi().value()).distinct().collect(Collectors.joining("|"));
    // A refresh leaves referenced_works out: they are read once, and are most of a work's bytes.
    String select = reading == Reading.EVERYTHING ? SELECT : SELECT.replace(",referenced_works", "");
    StringBuilder q = new StringBuilder("filter=").append(encode("doi:" + dois))
        .append("&select=").append(encode(select))
        .append("&per-page=100"); // a DOI names one work, so 100 results cover a batch of up to 100 DOIs
    settings.mailto().ifPresent(m -> q.append("&mailto=").append(encode(m)));
    settings.apiKey().ifPresent(k -> q.append("&api_key=").append(encode(k)));
    String base = settings.baseUrl().toString().replaceAll("/+$", "");
    return URI.create(base + "/works?" + q);
  }

  /** The key a returned work answers: same DOI, or for an arXiv key the same arXiv id. */
  private static Optional<WorkKey> match(Work w, List<WorkKey> keys) {
    for (WorkKey k : keys) {
      boolean same = switch (k) {
        case WorkKey.ByArxiv a -> w.ids().arxiv().filter(a.id()::equals).isPresent()
            || w.ids().doi().filter(Doi.ofArxiv(a.id())::equals).isPresent();
        case WorkKey.ByDoi d -> w.ids().doi().filter(d.doi()::equals).isPresent();
      };
      if (same) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<Instant> unavailableSince() {
    return client.unavailableSince();
  }

  @Override
  public void close() {
    client.close();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
