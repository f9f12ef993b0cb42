package org.paperlens.digest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.paperlens.paper.PaperId;

/**
 * The site's absolute URLs, from its one configured base URL ({@code --base-url}): mails, feeds and
 * share links all build them here, so no page hands out an address the others do not use.
 */
public record Links(String baseUrl) {

  /** The absolute URL of a site path ({@code /users/ada/tags/x}), as a share link shows it. */
  public String site(String path) {
    return baseUrl + path;
  }

  public String paper(PaperId id) {
    return baseUrl + "/papers/" + encode(id.value());
  }

  /** The private feed of an account. */
  public String privateFeed(String token) {
    return baseUrl + "/feeds/" + token;
  }

  public String confirm(String token) {
    return baseUrl + "/subscriptions/confirm/" + token;
  }

  /** The one-click unsubscribe URL: a POST here (RFC 8058) unsubscribes, a GET shows a button. */
  public String unsubscribe(String token) {
    return baseUrl + "/unsubscribe/" + token;
  }

  public String manage(String token) {
    return baseUrl + "/subscriptions/manage/" + token;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/");
  }
}
