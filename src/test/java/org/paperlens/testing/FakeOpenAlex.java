package org.paperlens.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local OpenAlex works API over a made-up citation graph of arXiv papers, in the documented
 * schema: {@code filter=doi:} finds papers by their arXiv DOI, {@code filter=openalex:} looks works
 * up by id, {@code filter=cites:} lists citers newest first, paged ({@code per-page},
 * {@code page}). Each paper's OpenAlex id is {@code W} and its arXiv id's digits; each also cites
 * one work outside the graph ({@code W9…}, with a DOI, a title and a year). It can be made to fail
 * (HTTP 503) and to answer slowly. Deterministic: the same graph always gives the same answers.
 */
public final class FakeOpenAlex implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A work outside the arXiv graph that a paper cites, with only a title and a year (or a DOI too). */
  public record Extra(String title, int year, String doi) {}

  private final Map<String, List<String>> cites = new LinkedHashMap<>();
  private final Map<String, Extra> extras = new HashMap<>();
  private final Map<String, String> extraOf = new HashMap<>();
  private final HttpServer server;
  private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private volatile boolean failing;
  private volatile long delayMillis;

  /** @param cites each paper's arXiv id and the arXiv ids it cites (which need not be papers of the graph) */
  public FakeOpenAlex(Map<String, List<String>> cites) throws IOException {
    this.cites.putAll(cites);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Makes {@code arxivId} also cite a work outside the graph known by this title and year only. */
  public FakeOpenAlex extra(String arxivId, String workId, Extra extra) {
    extras.put(workId, extra);
    extraOf.put(arxivId, workId);
    return this;
  }

  public void failing(boolean on) {
    failing = on;
  }

  public void delay(long millis) {
    delayMillis = millis;
  }

  /** The decoded query of every request, in order. */
  public List<String> seen() {
    return List.copyOf(seen);
  }

  public static String workId(String arxivId) {
    return "W" + arxivId.replaceAll("\\D", "");
  }

  private static String externalId(String arxivId) {
    return "W9" + arxivId.replaceAll("\\D", "");
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String query = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
      seen.add(query);
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      if (failing) {
        send(ex, 503, "{\"error\": \"maintenance\"}");
        return;
      }
      Map<String, String> params = new HashMap<>();
      for (String p : query.split("&")) {
        int eq = p.indexOf('=');
        params.put(p.substring(0, eq), p.substring(eq + 1));
      }
      String filter = params.get("filter");
      int colon = filter.indexOf(':');
      String field = filter.substring(0, colon);
      List<String> values = Arrays.asList(filter.substring(colon + 1).split("\\|"));
      List<ObjectNode> results = switch (field) {
        case "doi" -> byDoi(values, params.get("select").contains("referenced_works"));
        case "openalex" -> byId(values);
        case "cites" -> citersOf(Set.copyOf(values));
        default -> null;
      };
      if (results == null) {
        send(ex, 400, "{\"error\": \"Invalid filter\"}");
        return;
      }
      int perPage = Integer.parseInt(params.getOrDefault("per-page", "25"));
      int page = Integer.parseInt(params.getOrDefault("page", "1"));
      ObjectNode root = JSON.createObjectNode();
      root.putObject("meta").put("count", results.size()).put("page", page).put("per_page", perPage);
      ArrayNode array = root.putArray("results");
      results.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(array::add);
      send(ex, 200, root.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<ObjectNode> byDoi(List<String> dois, boolean withReferences) {
    List<ObjectNode> out = new ArrayList<>();
    for (String doi : dois) {
      String arxiv = doi.toLowerCase().startsWith("10.48550/arxiv.") ? doi.substring("10.48550/arxiv.".length()) : null;
      if (arxiv != null && cites.containsKey(arxiv)) {
        ObjectNode w = paper(arxiv);
        w.put("cited_by_count", citersOf(Set.of(workId(arxiv))).size());
        w.putArray("counts_by_year").addObject().put("year", 2026).put("cited_by_count", w.get("cited_by_count").asInt());
        ObjectNode author = w.putArray("authorships").addObject();
        author.putObject("author").put("id", "https://openalex.org/A" + arxiv.replaceAll("\\D", ""))
            .put("display_name", "Author of " + arxiv);
        author.putArray("institutions");
        if (withReferences) {
          ArrayNode refs = w.putArray("referenced_works");
          references(arxiv).forEach(r -> refs.add("https://openalex.org/" + r));
        }
        out.add(w);
      }
    }
    return out;
  }

  private List<String> references(String arxiv) {
    List<String> refs = new ArrayList<>();
    cites.get(arxiv).forEach(r -> refs.add(workId(r)));
    refs.add(externalId(arxiv));
    if (extraOf.containsKey(arxiv)) {
      refs.add(extraOf.get(arxiv));
    }
    return refs;
  }

  private List<ObjectNode> byId(List<String> ids) {
    List<ObjectNode> out = new ArrayList<>();
    for (String id : ids) {
      for (String arxiv : allArxivIds()) {
        if (workId(arxiv).equals(id)) {
          out.add(paper(arxiv));
        } else if (externalId(arxiv).equals(id)) {
          ObjectNode w = JSON.createObjectNode().put("id", "https://openalex.org/" + id)
              .put("doi", "https://doi.org/10.9999/ext." + arxiv).put("title", "An External Work Cited by " + arxiv)
              .put("publication_year", 2001);
          w.putArray("locations");
          out.add(w);
        }
      }
      Extra e = extras.get(id);
      if (e != null) {
        ObjectNode w = JSON.createObjectNode().put("id", "https://openalex.org/" + id).put("title", e.title())
            .put("publication_year", e.year());
        if (e.doi() != null) {
          w.put("doi", "https://doi.org/" + e.doi());
        }
        out.add(w);
      }
    }
    return out;
  }

  private Set<String> allArxivIds() {
    Set<String> all = new TreeSet<>(cites.keySet());
    cites.values().forEach(all::addAll);
    return all;
  }

  /** The graph's papers citing any of these works, newest (highest arXiv id) first. */
  private List<ObjectNode> citersOf(Set<String> workIds) {
    List<ObjectNode> out = new ArrayList<>();
    for (String arxiv : new TreeSet<>(cites.keySet()).descendingSet()) {
      List<String> refs = references(arxiv);
      if (refs.stream().anyMatch(workIds::contains)) {
        ObjectNode w = paper(arxiv);
        ArrayNode array = w.putArray("referenced_works");
        refs.forEach(r -> array.add("https://openalex.org/" + r));
        out.add(w);
      }
    }
    return out;
  }

  private static ObjectNode paper(String arxiv) {
    ObjectNode w = JSON.createObjectNode();
    w.put("id", "https://openalex.org/" + workId(arxiv));
    w.put("doi", "https://doi.org/10.48550/arxiv." + arxiv);
    w.put("title", "Made-up paper " + arxiv);
    w.put("publication_year", 2026);
    w.putArray("locations").addObject().put("landing_page_url", "https://arxiv.org/abs/" + arxiv);
    return w;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
