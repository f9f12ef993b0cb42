package org.paperlens.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.paperlens.web.http.Auth;

/**
 * The issue-21 fuzz campaign's inventions, from the fuzz test's seeded {@link FuzzValues}: broken
 * multipart bodies, keyword queries full of fuzzy, wildcard, regular-expression and range words,
 * deep nesting (BibTeX braces, query parentheses, JSON arrays) and request heads around the size
 * limits. Each request is sent as a logged-in member whose session and CSRF token are given.
 */
final class HostileCases {

  /** What kind of hostile request; the campaign's report counts requests by kind. */
  enum Kind { MULTIPART, EXPENSIVE_QUERY, NESTING, HEAD_SIZE }

  record Case(Kind kind, RawHttp.Request request) {}

  /** Form routes a member may post to without losing the session (no log-out, delete or password change). */
  static final List<String> FORM_POSTS = List.of("/login", "/signup", "/submit", "/library/import", "/papers/2401.00101/vote",
      "/papers/2401.00101/save", "/account/tokens", "/library/tags/visibility", "/subscriptions", "/account/feed");

  static final List<String> SEARCH_PATHS = List.of("/search", "/api/v1/search", "/search/export", "/search/feed");

  static final List<String> WORDS = List.of("a", "b", "graph", "net", "attention", "x", "molecul", "qu", "z", "ab", "é", "日本");

  private final FuzzValues v;

  HostileCases(FuzzValues v) {
    this.v = v;
  }

  Case next(FuzzTest.Member member) {
    Kind kind = v.pick(List.of(Kind.values()));
    List<String> headers = new ArrayList<>();
    headers.add("Cookie: " + Auth.SESSION_COOKIE + "=" + member.session + "; " + Auth.CSRF_COOKIE + "=" + member.csrf);
    RawHttp.Request r = switch (kind) {
      case MULTIPART -> multipart(headers, member.csrf);
      case EXPENSIVE_QUERY -> new RawHttp.Request("GET", v.pick(SEARCH_PATHS) + "?q=" + FuzzValues.enc(expensiveQuery())
          + "&mode=" + v.pick(List.of("keyword", "hybrid", "semantic")) + (v.chance(0.3) ? "&match=any" : ""), headers, null);
      case NESTING -> nesting(headers, member);
      case HEAD_SIZE -> headSize(headers);
    };
    return new Case(kind, r);
  }

  // ---------------------------------------------------------------- multipart

  RawHttp.Request multipart(List<String> headers, String csrf) {
    String boundary = v.pick(List.of("x", "XyZ", "----b" + v.random().nextInt(1_000_000), "a".repeat(80), "\"q\"", ""));
    String type = v.pick(List.of("multipart/form-data; boundary=" + boundary, "multipart/form-data", "multipart/mixed; boundary=" + boundary,
        "Multipart/Form-Data; BOUNDARY=" + boundary, "multipart/form-data; boundary=" + boundary + "; charset=latin1"));
    headers.add("Content-Type: " + type);
    String b = boundary.replace("\"", "");
    String csrfPart = "--" + b + "\r\nContent-Disposition: form-data; name=\"" + Auth.CSRF_FIELD + "\"\r\n\r\n" + csrf + "\r\n";
    String body = switch (v.random().nextInt(10)) {
      case 0 -> "";
      case 1 -> "--" + b + "--\r\n";
      case 2 -> "--" + b + "\r\n";
      case 3 -> csrfPart;
      case 4 -> csrfPart + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bib\"\r\n\r\n@misc{x, title = {"
          + "{".repeat(v.random().nextInt(3_000)) + "\r\n--" + b + "--\r\n";
      case 5 -> csrfPart + ("--" + b + "\r\nContent-Disposition: form-data; name=\"f" + v.random().nextInt(100) + "\"\r\n\r\nv\r\n")
          .repeat(1 + v.random().nextInt(2_000)) + "--" + b + "--\r\n";
      case 6 -> "--" + b + "\r\n" + "X-Header: " + "h".repeat(v.random().nextInt(20_000)) + "\r\n\r\nvalue\r\n--" + b + "--\r\n";
      case 7 -> csrfPart + "--" + b + "\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--" + b + "--\r\n";
      case 8 -> "\r\n\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"tags\"\r\nContent-Type: multipart/mixed; boundary=inner\r\n\r\n"
          + "--inner\r\n\r\n--inner--\r\n--" + b + "--";
      default -> v.nasty();
    };
    return new RawHttp.Request("POST", v.pick(FORM_POSTS), headers, body.getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- queries

  String expensiveQuery() {
    int n = 1 + v.random().nextInt(20);
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String w = v.pick(WORDS);
      String field = v.chance(0.3) ? v.pick(List.of("ti:", "abs:", "au:", "cat:", "title:", "date:", "x:")) : "";
      String term = switch (v.random().nextInt(10)) {
        case 0 -> w + "~";
        case 1 -> w + "~" + v.random().nextInt(4);
        case 2 -> w + "*";
        case 3 -> "*" + w;
        case 4 -> w.charAt(0) + "?" + w + "*";
        case 5 -> "/" + w + ".*/";
        case 6 -> "[" + v.pick(WORDS) + " TO " + v.pick(WORDS) + "]";
        case 7 -> "{" + v.pick(List.of("a", "*", "0")) + " TO " + v.pick(List.of("z", "*", "zzzz")) + "}";
        case 8 -> "\"" + w + " " + v.pick(WORDS) + "\"~" + v.random().nextInt(100);
        default -> w + "^" + v.random().nextInt(1000);
      };
      q.append(i == 0 ? "" : v.pick(List.of(" ", " AND ", " OR ", " -", " +"))).append(field).append(term);
    }
    return q.toString();
  }

  // ---------------------------------------------------------------- nesting

  int depth() {
    return v.pick(List.of(1, 10, 99, 100, 101, 1_000, 5_000, 20_000));
  }

  RawHttp.Request nesting(List<String> headers, FuzzTest.Member member) {
    int d = depth();
    switch (v.random().nextInt(3)) {
      case 0 -> {
        String open = "{".repeat(d);
        String close = v.chance(0.8) ? "}".repeat(d) : "}".repeat(v.random().nextInt(d + 1));
        String bib = "@misc{ok, title = {Fine}}\n@article{deep" + d + ",\n  title = " + open + "x" + close + "}\n" + "@book{after, title = {After}}\n";
        headers.add("Content-Type: application/x-www-form-urlencoded");
        byte[] body = ("csrf=" + FuzzValues.enc(member.csrf) + "&tags=nest&bibtex=" + FuzzValues.enc(bib)).getBytes(StandardCharsets.UTF_8);
        return new RawHttp.Request("POST", "/library/import", headers, body);
      }
      case 1 -> {
        String q = "(".repeat(d) + v.pick(WORDS) + (v.chance(0.8) ? ")".repeat(d) : "");
        return new RawHttp.Request("GET", v.pick(SEARCH_PATHS) + "?q=" + FuzzValues.enc(q), headers, null);
      }
      default -> {
        headers.removeFirst();
        headers.add("Authorization: Bearer " + member.token);
        headers.add("Content-Type: application/json");
        String json = v.chance(0.5) ? "[".repeat(d) + "]".repeat(d) : "{\"a\":".repeat(d) + "1" + "}".repeat(d);
        return new RawHttp.Request("POST", v.pick(List.of("/api/v1/tokens", "/api/v1/library", "/api/v1/search")), headers,
            json.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  // ---------------------------------------------------------------- request heads

  RawHttp.Request headSize(List<String> headers) {
    int size = v.pick(List.of(1_000, 8_000, 8_300, 20_000, 33_000, 70_000));
    String path = v.pick(List.of("/api/v1/search", "/search", "/mcp", "/", "/api/v1/papers/2401.00101"));
    String target = path;
    switch (v.random().nextInt(3)) {
      case 0 -> target = path + "?q=" + "a".repeat(size);
      case 1 -> headers.add("X-Big: " + "b".repeat(size));
      default -> {
        int count = v.pick(List.of(10, 100, 1_000));
        for (int i = 0; i < count; i++) {
          headers.add("X-H" + i + ": " + "v".repeat(size / count));
        }
      }
    }
    return new RawHttp.Request("GET", target, headers, null);
  }
}
