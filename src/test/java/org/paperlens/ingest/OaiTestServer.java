package org.paperlens.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A real HTTP server on a random loopback port that speaks enough OAI-PMH for the harvester:
 * {@code ListRecords} in the arXiv metadata format, paged with resumption tokens, filtered by
 * from/until on each paper's listing day, with faults a test can script (HTTP errors, forgotten
 * tokens) and a per-page delay; {@code GetRecord} answers for one published paper. Or, in replay mode, the same recorded response for every request.
 *
 * <p>Thread-safe: the server's threads and the test share it under its monitor.
 */
public final class OaiTestServer implements AutoCloseable {

  /** One request as the server saw it. */
  public record Request(Map<String, String> query, long nanoTime) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final Path replay;
  private final int pageSize;
  private List<Listings.Listing> papers = List.of();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private Duration pageDelay = Duration.ZERO;
  private final Deque<Integer> faults = new ArrayDeque<>();
  private final Set<String> forgottenTokens = new HashSet<>();
  private final List<Request> requests = new ArrayList<>();
  private int pagesServed;
  private int okBeforeFaults;

  private OaiTestServer(Path replay, int pageSize) throws IOException {
    this.replay = replay;
    this.pageSize = pageSize;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oai2", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Serves pages of {@code pageSize} records built from listings. */
  public static OaiTestServer paging(int pageSize) throws IOException {
    return new OaiTestServer(null, pageSize);
  }

  /** Answers every request with one recorded response. */
  public static OaiTestServer replaying(Path response) throws IOException {
    return new OaiTestServer(response, 0);
  }

  public URI baseUrl() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/oai2");
  }

  /** What the repository holds and what time it is there: papers listed after {@code today} are not out yet. */
  public synchronized void publish(List<Listings.Listing> all, LocalDate today) {
    this.now = today.atTime(6, 0).toInstant(java.time.ZoneOffset.UTC);
    this.papers = all.stream().filter(p -> !p.day().isAfter(today)).toList();
  }

  public synchronized void delayEachPage(Duration delay) {
    this.pageDelay = delay;
  }

  /** The next requests fail with these HTTP statuses, one each; 503 comes with Retry-After: 1. */
  public synchronized void failNext(int... statuses) {
    failAfter(0, statuses);
  }

  /** As {@link #failNext}, once {@code okRequests} more requests have been answered normally. */
  public synchronized void failAfter(int okRequests, int... statuses) {
    okBeforeFaults = okRequests;
    for (int s : statuses) {
      faults.add(s);
    }
  }

  /** The next use of the token for the page starting at {@code offset} gets badResumptionToken. */
  public synchronized void forgetTokenAt(int offset) {
    forgottenTokens.add(Integer.toString(offset));
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public synchronized int pagesServed() {
    return pagesServed;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> query = query(exchange.getRequestURI());
      Integer fault;
      Duration delay;
      synchronized (this) {
        requests.add(new Request(query, System.nanoTime()));
        fault = okBeforeFaults > 0 ? null : faults.poll();
        okBeforeFaults = Math.max(0, okBeforeFaults - 1);
        delay = pageDelay;
      }
      if (fault != null) {
        if (fault == 503) {
          exchange.getResponseHeaders().add("Retry-After", "1");
        }
        send(exchange, fault, "<html><body>scripted failure</body></html>".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!delay.isZero()) {
        Thread.sleep(delay);
      }
      byte[] body = replay != null ? Files.readAllBytes(replay) : page(query);
      if (exchange.getRequestHeaders().getOrDefault("Accept-Encoding", List.of()).contains("gzip")) {
        body = gzip(body);
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
      }
      send(exchange, 200, body);
      synchronized (this) {
        pagesServed++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private synchronized byte[] page(Map<String, String> query) throws XMLStreamException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
    x.writeStartDocument("UTF-8", "1.0");
    x.writeStartElement("OAI-PMH");
    x.writeDefaultNamespace("http://www.openarchives.org/OAI/2.0/");
    element(x, "responseDate", now.toString());
    if ("GetRecord".equals(query.get("verb"))) {
      String id = query.getOrDefault("identifier", "").replaceFirst("^oai:arXiv\\.org:", "");
      Listings.Listing found = papers.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
      if (found == null) {
        error(x, "idDoesNotExist", "No matching identifier in arXiv");
      } else {
        x.writeStartElement("GetRecord");
        record(x, found);
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
      return bytes.toByteArray();
    }
    // Tokens are "offset|from|until": stateless, so a resumed client can present one again.
    String token = query.get("resumptionToken");
    String[] parts = token == null ? null : token.split("\\|", -1);
    LocalDate from = date(parts != null ? parts[1] : query.get("from"));
    LocalDate until = date(parts != null ? parts[2] : query.get("until"));
    int offset = parts != null ? Integer.parseInt(parts[0]) : 0;
    List<Listings.Listing> matching = papers.stream()
        .filter(p -> (from == null || !p.day().isBefore(from)) && (until == null || !p.day().isAfter(until))).toList();
    if (parts != null && forgottenTokens.remove(parts[0])) {
      error(x, "badResumptionToken", "The value of the resumptionToken argument is invalid or expired.");
    } else if (matching.isEmpty()) {
      error(x, "noRecordsMatch", "No records match the request");
    } else {
      x.writeStartElement("ListRecords");
      for (Listings.Listing p : matching.subList(offset, Math.min(offset + pageSize, matching.size()))) {
        record(x, p);
      }
      int next = offset + pageSize;
      if (next < matching.size() || token != null) {
        x.writeStartElement("resumptionToken");
        x.writeAttribute("cursor", Integer.toString(offset));
        x.writeAttribute("completeListSize", Integer.toString(matching.size()));
        if (next < matching.size()) {
          x.writeCharacters(next + "|" + (from == null ? "" : from) + "|" + (until == null ? "" : until));
        }
        x.writeEndElement();
      }
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndDocument();
    x.close();
    return bytes.toByteArray();
  }

  private static void record(XMLStreamWriter x, Listings.Listing p) throws XMLStreamException {
    x.writeStartElement("record");
    x.writeStartElement("header");
    element(x, "identifier", "oai:arXiv.org:" + p.id());
    element(x, "datestamp", p.day().toString());
    x.writeEndElement();
    x.writeStartElement("metadata");
    x.writeStartElement("arXiv");
    x.writeDefaultNamespace("http://arxiv.org/OAI/arXiv/");
    element(x, "id", p.id());
    element(x, "created", p.day().toString());
    x.writeStartElement("authors");
    for (String name : p.authors()) {
      // Listings give whole names; arXiv splits off the last word as the keyname.
      int space = name.strip().lastIndexOf(' ');
      x.writeStartElement("author");
      element(x, "keyname", space < 0 ? name : name.substring(space + 1));
      if (space >= 0) {
        element(x, "forenames", name.substring(0, space));
      }
      x.writeEndElement();
    }
    x.writeEndElement();
    element(x, "title", p.title());
    element(x, "categories", String.join(" ", p.categories()));
    if (p.comment() != null) {
      element(x, "comments", p.comment());
    }
    element(x, "abstract", p.summary());
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void error(XMLStreamWriter x, String code, String message) throws XMLStreamException {
    x.writeStartElement("error");
    x.writeAttribute("code", code);
    x.writeCharacters(message);
    x.writeEndElement();
  }

  private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private static LocalDate date(String s) {
    return s == null || s.isEmpty() ? null : LocalDate.parse(s);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(body);
    }
    return bytes.toByteArray();
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
