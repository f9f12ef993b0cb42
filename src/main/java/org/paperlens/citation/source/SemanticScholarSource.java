package org.paperlens.citation.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.citation.CitationSource;
import org.paperlens.citation.Lookup;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.WorkKey;
import org.paperlens.citation.http.Exchange;
import org.paperlens.citation.http.FetchPolicy;
import org.paperlens.citation.http.PoliteClient;
import org.paperlens.citation.http.Sleeper;

/**
 * Semantic Scholar's Graph API, {@code POST /graph/v1/paper/batch}: up to 500 papers per request,
 * asked for as {@code arXiv:ID} or {@code DOI:…}; the answer is an array in the order asked with
 * {@code null} for ids it does not know. An API key, when configured, goes in {@code x-api-key}.
 */
public final class SemanticScholarSource implements CitationSource {

  /**
   * @param baseUrl the Graph API's root, {@code https://api.semanticscholar.org/graph/v1}; requests go to {@code BASE/paper/batch}
   * @param batchSize ids per request; the API takes at most 500
   */
  public record Settings(URI baseUrl, Optional<String> apiKey, int batchSize, FetchPolicy policy) {
    public Settings {
      if (batchSize < 1 || batchSize > 500) {
        throw new IllegalArgumentException("paper/batch takes 1 to 500 ids per request, was " + batchSize);
      }
    }

    public static Settings defaults(Optional<String> apiKey) {
      return new Settings(URI.create("https://api.semanticscholar.org/graph/v1"), apiKey, 500, FetchPolicy.semanticScholar());
    }
  }

  static final String FIELDS = "externalIds,title,year,venue,citationCount,influentialCitationCount,tldr,"
      + "authors,references.externalIds,references.title,references.year,"
      + "citations.externalIds,citations.title,citations.year";
  /** A refresh: everything but the references, which are read once. */
  static final String REFRESH_FIELDS = FIELDS.replace("references.externalIds,references.title,references.year,", "");

  private static final ObjectMapper JSON = SemanticScholarPapers.strictJson();

  private final Settings settings;
  private final Clock clock;
  private final PoliteClient client;

  public SemanticScholarSource(Settings settings, Clock clock, Sleeper sleeper, Consumer<String> notices) {
    this.settings = settings;
    this.clock = clock;
    this.client = new PoliteClient(SourceName.SEMANTIC_SCHOLAR.displayName(), settings.policy(), clock, sleeper, notices);
  }

  @Override
  public SourceName name() {
    return SourceName.SEMANTIC_SCHOLAR;
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
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Exchange<List<Lookup>> answer = client.send(request(batch, reading), body -> answers(body, batch, today));
    return answer instanceof Exchange.Ok<List<Lookup>> ok ? ok.value() : SourceBatches.failed(batch, name(), answer);
  }

  HttpRequest request(List<WorkKey> batch) {
    return request(batch, Reading.EVERYTHING);
  }

  HttpRequest request(List<WorkKey> batch, Reading reading) {
    ArrayNode ids = JSON.createArrayNode();
    batch.forEach(k -> ids.add(idOf(k)));
    String body = JSON.createObjectNode().set("ids", ids).toString();
    String base = settings.baseUrl().toString().replaceAll("/+$", "");
    String fields = reading == Reading.EVERYTHING ? FIELDS : REFRESH_FIELDS;
    URI uri = URI.create(base + "/paper/batch?fields=" + URLEncoder.encode(fields, StandardCharsets.UTF_8));
    HttpRequest.Builder b = client.request(uri)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    settings.apiKey().ifPresent(key -> b.header("x-api-key", key));
    return b.build();
  }

  /** The id as the Graph API spells it: {@code arXiv:2401.01234}, {@code DOI:10.1093/mind/lix.236.433}. */
  static String idOf(WorkKey k) {
    return switch (k) {
      case WorkKey.ByArxiv a -> "arXiv:" + a.id().value();
      case WorkKey.ByDoi d -> "DOI:" + d.doi().value();
    };
  }

  /** One answer per key, in order; an array of another length is not a batch answer and is retried. */
  private List<Lookup> answers(InputStream body, List<WorkKey> batch, LocalDate today) throws IOException {
    JsonNode root = JSON.readTree(body);
    if (root == null || !root.isArray()) {
      throw new IOException("paper/batch answers with a JSON array; this is " + (root == null ? "empty" : root.getNodeType()));
    }
    if (root.size() != batch.size()) {
      throw new IOException("paper/batch answered " + root.size() + " papers for " + batch.size() + " ids");
    }
    List<Lookup> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      JsonNode p = root.get(i);
      out.add(p == null || p.isNull()
          ? new Lookup.UnknownId(batch.get(i))
          : new Lookup.Found(batch.get(i), SemanticScholarPapers.parse(p, today)));
    }
    return out;
  }

  @Override
  public Optional<Instant> unavailableSince() {
    return client.unavailableSince();
  }

  @Override
  public void close() {
    client.close();
  }
}
