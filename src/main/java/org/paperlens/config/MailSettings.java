package org.paperlens.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How paperlens sends mail and links back to itself, from the environment (read here and nowhere
 * else). Built once at start-up like {@link Config}; a bad value fails fast, quoting it.
 *
 * @param host SMTP host; null when no mail server is configured (digests are then planned, not sent)
 * @param port SMTP port
 * @param startTls require STARTTLS before authenticating
 * @param user SMTP user, or null for no authentication
 * @param password SMTP password, or null
 * @param from the From address of every mail
 * @param baseUrl the site's one canonical base URL (no trailing slash): every absolute link (mails, feeds,
 *     share links, the OpenAPI servers) starts with it; see {@link #resolve(Map, String, String, int)}
 * @param timeout connect and read timeout of one SMTP conversation: a dead server costs at most this
 * @param pause pause after each message (a throttle some providers ask for); zero by default
 */
public record MailSettings(String host, int port, boolean startTls, String user, String password,
    String from, String baseUrl, Duration timeout, Duration pause) {

  public static final String HOST_ENV = "PAPERLENS_SMTP_HOST";
  public static final String PORT_ENV = "PAPERLENS_SMTP_PORT";
  public static final String STARTTLS_ENV = "PAPERLENS_SMTP_STARTTLS";
  public static final String USER_ENV = "PAPERLENS_SMTP_USER";
  public static final String PASSWORD_ENV = "PAPERLENS_SMTP_PASSWORD";
  public static final String FROM_ENV = "PAPERLENS_MAIL_FROM";
  public static final String BASE_URL_ENV = "PAPERLENS_BASE_URL";
  public static final String TIMEOUT_ENV = "PAPERLENS_SMTP_TIMEOUT_SECONDS";
  public static final String PAUSE_ENV = "PAPERLENS_SMTP_PAUSE_MILLIS";

  public MailSettings {
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
  }

  /** The address {@code serve} listens on unless told otherwise, so links made elsewhere (a CLI digest run) agree with it. */
  public static final String SERVE_HOST = "127.0.0.1";
  public static final int SERVE_PORT = 8080;

  /** As {@link #resolve(Map, String, String, int)} without a flag, for a site on serve's default address. */
  public static MailSettings resolve(Map<String, String> env) {
    return resolve(env, null, SERVE_HOST, SERVE_PORT);
  }

  /**
   * The settings from the environment, with the base URL from {@code baseUrlFlag} ({@code --base-url}),
   * else {@code $PAPERLENS_BASE_URL}, else derived from the address the site listens on.
   */
  public static MailSettings resolve(Map<String, String> env, String baseUrlFlag, String listenHost, int listenPort) {
    String host = blankToNull(env.get(HOST_ENV));
    int port = intValue(env, PORT_ENV, 25, 1, 65535);
    String tls = env.getOrDefault(STARTTLS_ENV, "false").strip().toLowerCase(java.util.Locale.ROOT);
    if (!tls.equals("true") && !tls.equals("false")) {
      throw new IllegalArgumentException("$" + STARTTLS_ENV + " must be true or false, was '" + tls + "'");
    }
    String from = env.getOrDefault(FROM_ENV, "paperlens <digest@localhost>");
    try {
      jakarta.mail.internet.InternetAddress.parse(from, true);
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalArgumentException("$" + FROM_ENV + " is not a mail address: '" + from + "'");
    }
    String base = baseUrlFlag != null ? baseUrlFlag.strip()
        : blankToNull(env.get(BASE_URL_ENV)) != null ? env.get(BASE_URL_ENV).strip() : derivedBaseUrl(listenHost, listenPort);
    String source = baseUrlFlag != null ? "--base-url" : "$" + BASE_URL_ENV;
    try {
      URI uri = URI.create(base);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " must be an http(s) URL, was '" + base + "'");
    }
    return new MailSettings(host, port, tls.equals("true"), blankToNull(env.get(USER_ENV)),
        blankToNull(env.get(PASSWORD_ENV)), from, base,
        Duration.ofSeconds(intValue(env, TIMEOUT_ENV, 20, 1, 600)),
        Duration.ofMillis(intValue(env, PAUSE_ENV, 0, 0, 60_000)));
  }

  /**
   * The base URL of a site listening on {@code host}:{@code port}. A wildcard address (all
   * interfaces) names no host anyone can reach, so it becomes localhost: such a site, reached from
   * other machines, needs {@code --base-url}.
   */
  public static String derivedBaseUrl(String host, int port) {
    String h = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")
        ? "localhost" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port;
  }

  /** Whether a mail server is configured at all. */
  public boolean canSend() {
    return host != null;
  }

  /** One line for logs; never shows the password. */
  public String describe() {
    return canSend()
        ? "SMTP " + host + ":" + port + (startTls ? " with STARTTLS" : "") + (user != null ? " as " + user : "")
            + ", links to " + baseUrl
        : "no SMTP server configured ($" + HOST_ENV + "), links to " + baseUrl;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static int intValue(Map<String, String> env, String name, int fallback, int min, int max) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("$" + name + " must be a whole number from " + min + " to " + max + ", was '" + raw + "'");
    }
  }
}
