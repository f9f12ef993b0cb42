package org.paperlens.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.paperlens.web.http.Auth;

/** One client with its own cookie jar, like one person's browser; redirects are not followed so tests see them. */
final class Browser {

  static final ObjectMapper JSON = new ObjectMapper();

  final String base;
  final CookieManager cookies = new CookieManager();
  final HttpClient http;

  Browser(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).headers(headers).GET().build());
  }

  /** Posts a form with this browser's CSRF token added (visiting a page first if it has none). */
  HttpResponse<String> post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("csrf", csrf());
    return postRaw(path, all);
  }

  /** Posts a form (with the CSRF token) as a proxy would forward it for client {@code forwardedFor} (X-Forwarded-For). */
  HttpResponse<String> postFrom(String forwardedFor, String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("csrf", csrf());
    String body = all.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> postRaw(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** An API call with a JSON body (null for none) and extra headers. */
  HttpResponse<String> api(String method, String path, String json, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  String csrf() {
    String c = cookie(Auth.CSRF_COOKIE);
    if (c == null) {
      get("/search");
      c = cookie(Auth.CSRF_COOKIE);
    }
    return c;
  }

  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  /** Signs up (and so logs in) as {@code name}. */
  Browser signUp(String name) {
    HttpResponse<String> r = post("/signup", Map.of("name", name, "password", "correct horse battery"));
    if (r.statusCode() != 303) {
      throw new IllegalStateException("sign-up failed: " + r.statusCode() + " " + r.body());
    }
    return this;
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + r.body(), e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
