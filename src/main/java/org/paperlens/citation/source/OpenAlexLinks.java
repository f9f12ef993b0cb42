package org.paperlens.citation.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.Work;
import org.paperlens.citation.http.Exchange;
import org.paperlens.citation.http.PoliteClient;

/**
 * The two things an OpenAlex work does not say in itself, each one more list query:
 *
 * <ul>
 *   <li>what its {@code referenced_works} are: they come as bare ids ({@code W…}), and are looked
 *       up {@value #IDS_PER_REQUEST} at a time ({@code filter=openalex:W1|W2…}, {@code select=} of
 *       ids, title and year). Resolved at once rather than stored by id and resolved later, because
 *       a reference is only useful with its DOI or arXiv id (that is what ties it to a catalogue
 *       paper, now or when it arrives) and its title and year (what a page shows of an external
 *       reference); references are read once per paper, so this costs one call per
 *       {@value #IDS_PER_REQUEST} distinct references, once.
 *   <li>who cites it: {@code filter=cites:W…}, newest first. Works with few citations share a
 *       query ({@code cites:W1|W2…}; each citer is given to the works its own
 *       {@code referenced_works} names), a work with many has its own, capped at
 *       {@value #CITERS_CAP} newest citers. Works with no citations cost nothing.
 * </ul>
 */
final class OpenAlexLinks {

  /** OpenAlex documents "up to 50" ids ORed in one filter for getting many works by id. */
  static final int IDS_PER_REQUEST = 50;
  static final int PER_PAGE = 100;
  /** The most citers read per work on each refresh: newest first, enough for pages and alerts. */
  static final int CITERS_CAP = 200;

  static final String REFERENCE_SELECT = "id,doi,ids,title,publication_year,locations";
  static final String CITER_SELECT = "id,doi,ids,title,publication_year,locations,referenced_works";

  private static final ObjectMapper JSON = SemanticScholarPapers.strictJson();

  private final OpenAlexSource.Settings settings;
  private final PoliteClient client;

  OpenAlexLinks(OpenAlexSource.Settings settings, PoliteClient client) {
    this.settings = settings;
    this.client = client;
  }

  /** What the answer of one query set is: the values, or the first failure. */
  sealed interface Outcome<T> {
    record Done<T>(T value) implements Outcome<T> {}

    record Failed<T>(Exchange<?> failure) implements Outcome<T> {}
  }

  /**
   * The works behind these ids, by id; an id OpenAlex no longer has (merged, deleted) is missing
   * from the map and its reference keeps the bare id.
   */
  Outcome<Map<String, LinkedWork>> resolve(Set<String> ids, LocalDate today) {
    Map<String, LinkedWork> out = new HashMap<>();
    List<String> all = List.copyOf(ids);
    for (int i = 0; i < all.size(); i += IDS_PER_REQUEST) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + IDS_PER_REQUEST));
      URI uri = uri("openalex:" + String.join("|", chunk), REFERENCE_SELECT, 1, false);
      Exchange<List<Work>> answer = client.send(client.request(uri).GET().build(), body -> works(body, today));
      if (!(answer instanceof Exchange.Ok<List<Work>> ok)) {
        return new Outcome.Failed<>(answer);
      }
      for (Work w : ok.value()) {
        w.ids().openAlex().ifPresent(id -> out.put(id, new LinkedWork(w.ids(), w.title(), w.year())));
      }
    }
    return new Outcome.Done<>(out);
  }

  /** The citers of each work that has citations, by the work's id, newest first, at most {@value #CITERS_CAP} each. */
  Outcome<Map<String, List<LinkedWork>>> citers(List<Work> works, LocalDate today) {
    Map<String, List<LinkedWork>> out = new HashMap<>();
    for (List<Work> group : groups(works)) {
      Set<String> ids = new LinkedHashSet<>();
      group.forEach(w -> ids.add(w.ids().openAlex().orElseThrow()));
      ids.forEach(id -> out.put(id, new ArrayList<>()));
      for (int page = 1; page <= CITERS_CAP / PER_PAGE; page++) {
        URI uri = uri("cites:" + String.join("|", ids), CITER_SELECT, page, true);
        Exchange<List<Work>> answer = client.send(client.request(uri).GET().build(), body -> works(body, today));
        if (!(answer instanceof Exchange.Ok<List<Work>> ok)) {
          return new Outcome.Failed<>(answer);
        }
        for (Work citer : ok.value()) {
          LinkedWork linked = new LinkedWork(citer.ids(), citer.title(), citer.year());
          for (LinkedWork cited : citer.references().listed()) {
            cited.ids().openAlex().filter(ids::contains).map(out::get)
                .filter(l -> l.size() < CITERS_CAP).ifPresent(l -> l.add(linked));
          }
        }
        if (ok.value().size() < PER_PAGE) {
          break;
        }
      }
    }
    return new Outcome.Done<>(out);
  }

  /**
   * Works with citations, grouped so that one page of {@value #PER_PAGE} holds all the citers of
   * a group: few-cited works share a query, a much-cited work has its own.
   */
  static List<List<Work>> groups(List<Work> works) {
    List<Work> cited = works.stream()
        .filter(w -> w.ids().openAlex().isPresent() && count(w) > 0)
        .sorted(Comparator.comparingInt(OpenAlexLinks::count))
        .toList();
    Map<Integer, List<Work>> groups = new LinkedHashMap<>();
    int group = 0;
    int sum = 0;
    for (Work w : cited) {
      if (!groups.isEmpty() && (sum + count(w) > PER_PAGE || groups.get(group).size() >= IDS_PER_REQUEST)) {
        group++;
        sum = 0;
      }
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(w);
      sum += count(w);
    }
    return List.copyOf(groups.values());
  }

  private static int count(Work w) {
    return w.citationCount().map(CitationCount::total).orElse(0);
  }

  URI uri(String filter, String select, int page, boolean newestFirst) {
    StringBuilder q = new StringBuilder("filter=").append(encode(filter))
        .append("&select=").append(encode(select))
        .append("&per-page=").append(PER_PAGE);
    if (newestFirst) {
      q.append("&sort=").append(encode("publication_date:desc")).append("&page=").append(page);
    }
    settings.mailto().ifPresent(m -> q.append("&mailto=").append(encode(m)));
    settings.apiKey().ifPresent(k -> q.append("&api_key=").append(encode(k)));
    String base = settings.baseUrl().toString().replaceAll("/+$", "");
    return URI.create(base + "/works?" + q);
  }

  static List<Work> works(InputStream body, LocalDate today) throws IOException {
    List<Work> works = new ArrayList<>();
    for (JsonNode w : results(body)) {
      works.add(OpenAlexWorks.parse(w, today));
    }
    return works;
  }

  /** A list response: {@code {"meta": {…}, "results": [work, …]}}. */
  static List<JsonNode> results(InputStream body) throws IOException {
    JsonNode root = JSON.readTree(body);
    JsonNode results = root == null ? null : root.get("results");
    if (results == null || !results.isArray()) {
      throw new IOException("an OpenAlex list response has a 'results' array; this one has none");
    }
    List<JsonNode> out = new ArrayList<>();
    results.forEach(out::add);
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
