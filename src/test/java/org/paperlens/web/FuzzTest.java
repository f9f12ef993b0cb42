package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.eval.MarkedSection;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.ServerLimits;

/**
 * (Longer than 300 lines because the walk, its malformed values per parameter kind and its report are
 * one seeded sequence, and splitting them would split the replay.)
 *
 * <p>Walks every route of the OpenAPI document and every HTML form and page link the site shows,
 * anonymously, logged in and with an API token, sending malformed values (huge strings, control
 * characters, bad dates, numbers out of range, wrong types, broken urlencoded, multipart and
 * JSON bodies, bytes that are not UTF-8), and checks that the server never answers 5xx and always
 * answers. Seeded and bounded ({@value #DEFAULT_REQUESTS} requests by default), so a failure
 * replays. With {@code -Dpaperlens.fuzz.report=docs/reliability.md} it writes its counts there.
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class FuzzTest {

  static final long DEFAULT_SEED = 20260712L;
  static final int DEFAULT_REQUESTS = 6_000;
  static final String PASSWORD = "correct horse battery";

  @RegisterExtension
  static final WebFixture web = new WebFixture(() -> WebFixture.mailLinkingTo("https://papers.example")).withLimits(ServerLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(5)));

  /** Who sends a request: the headers that make it so. */
  enum Who { ANONYMOUS, MEMBER, TOKEN }

  /** Something to send: an API operation, an HTML form or a page (with its query). */
  sealed interface Target permits ApiOperation, Form, Page {}

  /** {@code path} has {@code {name}} parameters; fields are JSON text of a valid value. */
  record ApiOperation(String method, String path, Map<String, String> query, Map<String, String> body) implements Target {}

  record Form(String method, String action, Map<String, String> fields, boolean multipart, String fileField) implements Target {}

  record Page(String path, Map<String, String> query) implements Target {}

  /** A logged-in identity's secrets, remade when the fuzzing logs it out or locks it out. */
  static final class Member {
    String session;
    String csrf;
    String token;
  }

  @Test
  void no_request_from_any_route_or_form_gets_a_server_error() throws Exception {
    long seed = Long.getLong("paperlens.fuzz.seed", DEFAULT_SEED);
    int budget = Integer.getInteger("paperlens.fuzz.requests", DEFAULT_REQUESTS);
    FuzzValues v = new FuzzValues(seed);
    RawHttp http = new RawHttp(URI.create(web.base).getPort(), 30_000);
    Member member = newMember(0);
    String anonymousCsrf = web.browser().csrf();

    List<Target> targets = new ArrayList<>(apiOperations());
    List<Target> apiTargets = List.copyOf(targets);
    int apiCount = targets.size();
    Set<String> links = new LinkedHashSet<>();
    List<Form> forms = new ArrayList<>();
    Browser memberBrowser = browserOf(member);
    for (String seedPage : SEED_PAGES) {
      for (Browser b : List.of(web.browser(), memberBrowser)) {
        String html = b.get(seedPage).body();
        forms.addAll(forms(html));
        links.addAll(links(html));
      }
    }
    Set<String> formKeys = new LinkedHashSet<>();
    for (Form f : forms) {
      if (formKeys.add(f.method() + " " + f.action() + " " + f.fields().keySet())) {
        targets.add(f);
      }
    }
    int formCount = targets.size() - apiCount;
    links.addAll(SEED_PAGES);
    for (String link : links) {
      targets.add(page(link));
    }
    int pageCount = targets.size() - apiCount - formCount;
    // A third of the requests each to API operations, forms and pages, however many of each there are.
    List<List<Target>> kinds = List.of(apiTargets, targets.subList(apiCount, apiCount + formCount), targets.subList(apiCount + formCount, targets.size()));

    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<Who, Integer> byWho = new TreeMap<>();
    Map<String, Integer> byKind = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < budget; i++) {
      if (i > 0 && i % 500 == 0) {
        member = newMember(i); // the fuzzing may have logged it out, revoked its token or locked it out
      }
      Target target = v.pick(v.pick(kinds));
      Who who = target instanceof ApiOperation ? v.pick(List.of(Who.values())) : v.pick(List.of(Who.ANONYMOUS, Who.MEMBER));
      RawHttp.Request request = request(v, target, who, member, anonymousCsrf);
      RawHttp.Response response = http.send(request);
      statuses.merge(response.status(), 1, Integer::sum);
      byWho.merge(who, 1, Integer::sum);
      byKind.merge(target.getClass().getSimpleName(), 1, Integer::sum);
      if (response.status() < 0 || response.status() >= 500) {
        failures.add(who + " " + request + " -> " + (response.status() < 0 ? "no answer" : response.head().lines().findFirst().orElse("")));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String report = report(seed, budget, seconds, apiCount, formCount, pageCount, statuses, byWho, byKind, failures.size());
    System.out.println(report);
    String reportFile = System.getProperty("paperlens.fuzz.report");
    if (reportFile != null && !reportFile.isBlank()) {
      MarkedSection.writeInto(Path.of(reportFile), "fuzz", report, HEADING);
    }
    assertThat(failures).as("requests answered 5xx or not at all (seed " + seed + ")").isEmpty();
    assertThat(apiCount).as("every documented operation").isGreaterThanOrEqualTo(17);
    assertThat(formCount).as("forms found on the pages").isGreaterThanOrEqualTo(12);
  }

  static final int DEFAULT_HOSTILE_REQUESTS = 800;

  /**
   * The issue-21 campaign ({@link HostileCases}): broken multipart bodies, fuzzy, wildcard, regex and
   * range queries, deep nesting and oversized request heads, as a logged-in member. None may get a
   * 5xx or go unanswered. With {@code -Dpaperlens.fuzz.report=...} it writes its counts there too.
   */
  @Test
  void no_invented_hostile_request_gets_a_server_error() throws Exception {
    long seed = Long.getLong("paperlens.fuzz.seed", DEFAULT_SEED);
    int budget = Integer.getInteger("paperlens.fuzz.hostile", DEFAULT_HOSTILE_REQUESTS);
    HostileCases cases = new HostileCases(new FuzzValues(seed));
    RawHttp http = new RawHttp(URI.create(web.base).getPort(), 60_000);
    Member member = newMember(1_000_000);
    Map<HostileCases.Kind, Map<Integer, Integer>> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < budget; i++) {
      if (i > 0 && i % 300 == 0) {
        member = newMember(1_000_000 + i);
      }
      HostileCases.Case c = cases.next(member);
      RawHttp.Response response = http.send(c.request());
      statuses.computeIfAbsent(c.kind(), k -> new TreeMap<>()).merge(response.status(), 1, Integer::sum);
      if (response.status() < 0 || response.status() >= 500) {
        failures.add(c.kind() + " " + c.request() + " -> " + (response.status() < 0 ? "no answer" : response.head().lines().findFirst().orElse("")));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String report = HostileReport.of(seed, budget, seconds, statuses, failures.size());
    System.out.println(report);
    String reportFile = System.getProperty("paperlens.fuzz.report");
    if (reportFile != null && !reportFile.isBlank()) {
      MarkedSection.writeInto(Path.of(reportFile), "fuzz-issue-21", report, HEADING);
    }
    assertThat(failures).as("hostile requests answered 5xx or not at all (seed " + seed + ")").isEmpty();
  }

  // ---------------------------------------------------------------- targets

  static final List<String> SEED_PAGES = List.of("/", "/daily", "/daily?date=2024-01-10&view=week", "/trending", "/search?q=graph",
      "/papers/2401.00101", "/papers/hep-th/9901001", "/submit", "/signup", "/login", "/subscriptions", "/library",
      "/library?tag=fuzz", "/recommended", "/account", "/library/import", "/daily/feed", "/trending/feed",
      "/search/feed?q=graph", "/users/fuzzer0/tags/fuzz/feed", "/tags/fuzz/feed", "/unsubscribe/x", "/subscriptions/confirm/x",
      "/subscriptions/manage/x", "/feeds/x", "/papers/2401.00101/export", "/search/export?q=graph", "/library/export",
      "/static/app.css", "/nothing-here");

  /** Valid sample values by parameter or field name (JSON text for bodies). */
  static final Map<String, String> SAMPLES = Map.ofEntries(Map.entry("id", "2401.00101"), Map.entry("tag", "fuzz"),
      Map.entry("date", "2024-01-03"), Map.entry("view", "week"), Map.entry("page", "1"), Map.entry("limit", "5"), Map.entry("k", "3"),
      Map.entry("window", "day"), Map.entry("q", "graph networks"), Map.entry("mode", "keyword"), Map.entry("from", "2024-01-01"),
      Map.entry("to", "2024-12-31"), Map.entry("category", "cs.LG"), Map.entry("author", "Smith"), Map.entry("days", "30"));

  static final Map<String, String> JSON_SAMPLES = Map.of("public", "true", "tags", "[\"fuzz\",\"more\"]", "paper", "\"2401.00101\"",
      "comment", "\"nice\"", "name", "\"fuzzer0\"", "password", "\"" + PASSWORD + "\"", "label", "\"fuzz\"");

  static List<ApiOperation> apiOperations() {
    JsonNode doc = Browser.json(web.browser().get("/api/v1/openapi.json"));
    List<ApiOperation> out = new ArrayList<>();
    doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      Map<String, String> query = new LinkedHashMap<>();
      JsonNode params = op.getValue().get("parameters");
      if (params != null) {
        params.forEach(p -> {
          if (p.get("in").asText().equals("query")) {
            query.put(p.get("name").asText(), SAMPLES.getOrDefault(p.get("name").asText(), "x"));
          }
        });
      }
      Map<String, String> body = new LinkedHashMap<>();
      JsonNode schema = op.getValue().at("/requestBody/content/application~1json/schema/properties");
      if (!schema.isMissingNode()) {
        schema.fieldNames().forEachRemaining(f -> body.put(f, JSON_SAMPLES.getOrDefault(f, "\"x\"")));
      }
      out.add(new ApiOperation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), query, body));
    }));
    return out;
  }

  private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

  static String attr(String attrs, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(attrs);
    return m.find() ? unescape(m.group(1)) : null;
  }

  static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  static List<Form> forms(String html) {
    List<Form> out = new ArrayList<>();
    Matcher f = FORM.matcher(html);
    while (f.find()) {
      String attrs = f.group(1);
      String method = attr(attrs, "method") == null ? "GET" : attr(attrs, "method").toUpperCase(Locale.ROOT);
      String action = attr(attrs, "action");
      if (action == null || !action.startsWith("/")) {
        continue;
      }
      boolean multipart = "multipart/form-data".equalsIgnoreCase(attr(attrs, "enctype"));
      Map<String, String> fields = new LinkedHashMap<>();
      String fileField = null;
      Matcher in = INPUT.matcher(f.group(2));
      while (in.find()) {
        String name = attr(in.group(1), "name");
        if (name == null) {
          continue;
        }
        if ("file".equalsIgnoreCase(attr(in.group(1), "type"))) {
          fileField = name;
        } else {
          fields.put(name, attr(in.group(1), "value") == null ? "" : attr(in.group(1), "value"));
        }
      }
      Matcher ta = TEXTAREA.matcher(f.group(2));
      while (ta.find()) {
        fields.put(attr(ta.group(1), "name"), unescape(ta.group(2)));
      }
      Matcher sel = SELECT.matcher(f.group(2));
      while (sel.find()) {
        Matcher opt = OPTION.matcher(sel.group(2));
        fields.put(attr(sel.group(1), "name"), opt.find() ? unescape(opt.group(1)) : "");
      }
      out.add(new Form(method, action, fields, multipart, fileField));
    }
    return out;
  }

  static Set<String> links(String html) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = HREF.matcher(html);
    while (m.find()) {
      out.add(unescape(m.group(1)));
    }
    return out;
  }

  static Page page(String link) {
    int q = link.indexOf('?');
    Map<String, String> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : link.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        query.put(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return new Page(q < 0 ? link : link.substring(0, q), query);
  }

  // ---------------------------------------------------------------- requests

  static RawHttp.Request request(FuzzValues v, Target target, Who who, Member member, String anonymousCsrf) {
    List<String> headers = new ArrayList<>();
    String csrf = who == Who.MEMBER ? member.csrf : anonymousCsrf;
    switch (who) {
      case ANONYMOUS -> headers.add("Cookie: " + Auth.CSRF_COOKIE + "=" + anonymousCsrf);
      case MEMBER -> headers.add("Cookie: " + Auth.SESSION_COOKIE + "=" + member.session + "; " + Auth.CSRF_COOKIE + "=" + member.csrf);
      case TOKEN -> headers.add("Authorization: Bearer " + member.token);
    }
    String method;
    String target2;
    byte[] body = null;
    switch (target) {
      case ApiOperation op -> {
        method = op.method();
        String path = op.path();
        for (String name : List.of("id", "tag")) {
          path = path.replace("{" + name + "}", v.chance(0.6) ? SAMPLES.get(name) : pathValue(v));
        }
        target2 = path + query(v, op.query());
        if (who == Who.MEMBER) {
          headers.add(Auth.CSRF_HEADER + ": " + (v.chance(0.9) ? csrf : v.nasty().replaceAll("\\p{Cntrl}", "")));
        }
        if (!op.body().isEmpty() || v.chance(0.1)) {
          body = v.json(op.body());
          headers.add("Content-Type: " + (v.chance(0.9) ? "application/json" : v.pick(List.of("text/plain", "application/xml",
              "application/x-www-form-urlencoded", "multipart/form-data"))));
        }
      }
      case Form form -> {
        method = form.method();
        Map<String, String> fields = new LinkedHashMap<>();
        form.fields().forEach((name, value) -> fields.put(name,
            name.equals(Auth.CSRF_FIELD) ? (v.chance(0.9) ? csrf : v.nasty()) : v.value(value.isEmpty() ? null : value)));
        if (v.chance(0.1)) {
          fields.put(v.nasty(), v.nasty()); // a field nobody asked for
        }
        if (method.equals("GET")) {
          target2 = form.action() + "?" + v.urlencoded(fields);
        } else {
          target2 = form.action();
          if (form.multipart() || v.chance(0.1)) {
            Map.Entry<String, byte[]> mp = v.multipart(fields, form.fileField());
            headers.add("Content-Type: " + mp.getKey());
            body = mp.getValue();
          } else {
            headers.add("Content-Type: application/x-www-form-urlencoded");
            body = v.formBody(fields);
          }
        }
      }
      case Page p -> {
        method = "GET";
        String path = p.path();
        if (v.chance(0.2)) {
          int slash = path.lastIndexOf('/');
          path = path.substring(0, slash + 1) + pathValue(v);
        }
        target2 = path + query(v, p.query());
      }
    }
    if (v.chance(0.03)) {
      method = v.pick(List.of("PATCH", "DELETE", "PUT", "OPTIONS", "HEAD", "TRACE", "POST"));
    }
    if (v.chance(0.02)) {
      target2 = target2 + v.pick(List.of(" ", "\t", "#frag", "/../..", "%", "\u00e9")); // raw: invalid in a request line
    }
    return new RawHttp.Request(method, target2, headers, body);
  }

  /** A path segment: malformed, percent-encoded (a few raw). */
  static String pathValue(FuzzValues v) {
    return v.chance(0.15) ? v.pick(FuzzValues.RAW) : FuzzValues.enc(v.nasty()).replace("+", "%20");
  }

  /** A query string: each known parameter valid or malformed, sometimes dropped, sometimes repeated. */
  static String query(FuzzValues v, Map<String, String> params) {
    Map<String, String> values = new LinkedHashMap<>();
    params.forEach((name, valid) -> {
      if (!v.chance(0.2)) {
        values.put(name, v.value(valid));
      }
    });
    if (v.chance(0.1)) {
      values.put(v.pick(List.of("page", "limit", "date", "q", "format", "tag", "back", "view", "window")), v.nasty());
    }
    String q = v.urlencoded(values);
    return q.isEmpty() ? "" : "?" + q;
  }

  // ---------------------------------------------------------------- identities

  /** Signs up a fresh member with a tagged library entry (made public) and an API token. */
  static Member newMember(int generation) throws IOException {
    Browser b = web.browser().signUp("fuzzer" + generation);
    b.post("/papers/2401.00101/save", Map.of("tags", "fuzz"));
    b.post("/library/tags/visibility", Map.of("tag", "fuzz", "public", "true"));
    Member m = new Member();
    m.session = b.cookie(Auth.SESSION_COOKIE);
    m.csrf = b.csrf();
    m.token = Browser.json(web.browser().api("POST", "/api/v1/tokens",
        "{\"name\":\"fuzzer" + generation + "\",\"password\":\"" + PASSWORD + "\"}")).path("token").asText("none");
    return m;
  }

  static Browser browserOf(Member m) {
    Browser b = web.browser();
    URI uri = URI.create(web.base);
    b.cookies.getCookieStore().add(uri, cookie(Auth.SESSION_COOKIE, m.session));
    b.cookies.getCookieStore().add(uri, cookie(Auth.CSRF_COOKIE, m.csrf));
    return b;
  }

  static java.net.HttpCookie cookie(String name, String value) {
    java.net.HttpCookie c = new java.net.HttpCookie(name, value);
    c.setPath("/");
    return c;
  }

  // ---------------------------------------------------------------- report

  static final String HEADING = """
      # Reliability

      Figures written by the tests that measured them, with the command shown beside each table.
      """;

  static String report(long seed, int budget, double seconds, int api, int forms, int pages, Map<Integer, Integer> statuses,
      Map<Who, Integer> byWho, Map<String, Integer> byKind, int failures) {
    StringBuilder b = new StringBuilder();
    b.append("## Fuzzing every route and form\n\n");
    b.append("`FuzzTest` sends seeded malformed requests to the server over raw sockets: every operation of the OpenAPI\n")
        .append("document, every HTML form and every page link the site shows (anonymously and logged in), with huge\n")
        .append("strings, control characters, bad dates, numbers out of range, wrong JSON types, broken urlencoded,\n")
        .append("multipart and JSON bodies and bytes that are not UTF-8. It fails on any 5xx or unanswered request.\n")
        .append("The seed fixes the requests; a few answers depend on the clock (cache expiry, rate-limit windows), so\n")
        .append("counts can differ by one or two between runs.\n\n");
    b.append(String.format(Locale.ROOT, "Command: `./mvnw -B test -Dtest=FuzzTest -Dpaperlens.fuzz.report=docs/reliability.md`"
        + " (seed %d, %,d requests). Hardware: %s. Took %.1f s (%.0f requests/s, one connection each).%n%n",
        seed, budget, hardware(), seconds, budget / seconds));
    b.append(String.format(Locale.ROOT, "Targets: %d API operations, %d distinct forms, %d pages.%n%n", api, forms, pages));
    b.append("| sent to | requests |\n|---|---:|\n");
    byKind.forEach((k, n) -> b.append(String.format(Locale.ROOT, "| %s | %,d |%n", kindLabel(k), n)));
    byWho.forEach((w, n) -> b.append(String.format(Locale.ROOT, "| as %s | %,d |%n", w.name().toLowerCase(Locale.ROOT), n)));
    b.append("\n| status | responses |\n|---:|---:|\n");
    statuses.forEach((s, n) -> b.append(String.format(Locale.ROOT, "| %s | %,d |%n", s < 0 ? "none" : s.toString(), n)));
    b.append(String.format(Locale.ROOT, "%n5xx or unanswered: **%d**.%n", failures));
    return b.toString();
  }

  static String kindLabel(String kind) {
    return switch (kind) {
      case "ApiOperation" -> "API operations";
      case "Form" -> "HTML forms";
      default -> "pages";
    };
  }

  static String hardware() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
    } catch (IOException e) {
      // not Linux: the core count still says something
    }
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), JDK " + Runtime.version().feature();
  }
}
