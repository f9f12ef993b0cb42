package org.paperlens.config;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which open scholarly sources the server asks for citation data, and how. Both are off unless
 * one flag or one environment variable turns them on ({@code --openalex} or
 * {@code PAPERLENS_OPENALEX=on}; {@code --semantic-scholar} or {@code PAPERLENS_S2=on}), so a
 * server started as the README says makes no request anywhere. Environment first, then flags
 * (null when not given); a bad value fails at start-up, quoting it (an API key is never quoted).
 */
public record CitationSources(Access openAlex, Access semanticScholar) {

  public static final String OPENALEX_ENV = "PAPERLENS_OPENALEX";
  public static final String OPENALEX_URL_ENV = "PAPERLENS_OPENALEX_URL";
  public static final String OPENALEX_MAILTO_ENV = "PAPERLENS_OPENALEX_MAILTO";
  public static final String OPENALEX_KEY_ENV = "PAPERLENS_OPENALEX_API_KEY";
  public static final String S2_ENV = "PAPERLENS_S2";
  public static final String S2_URL_ENV = "PAPERLENS_S2_URL";
  public static final String S2_KEY_ENV = "PAPERLENS_S2_API_KEY";
  public static final URI OPENALEX_DEFAULT = URI.create("https://api.openalex.org");
  public static final URI S2_DEFAULT = URI.create("https://api.semanticscholar.org/graph/v1");

  /**
   * One source's settings.
   *
   * @param baseUrl where its API lives (a local server in tests)
   * @param apiKey sent with every request, never logged
   * @param mailto the contact address OpenAlex asks for (its "polite pool"); Semantic Scholar has none
   */
  public record Access(boolean enabled, URI baseUrl, Optional<String> apiKey, Optional<String> mailto) {

    /** One phrase for the start-up log: whether it is on, where, and whether a key is set (never the key). */
    public String describe(String name) {
      if (!enabled) {
        return name + " off";
      }
      return name + " at " + baseUrl + mailto.map(m -> ", contact " + m).orElse("")
          + (apiKey.isPresent() ? ", with an API key" : ", without an API key");
    }
  }

  /** The flags of {@code serve}; null where not given. */
  public record Flags(Boolean openAlex, String openAlexUrl, String openAlexMailto, Boolean semanticScholar, String s2Url) {
    public static final Flags NONE = new Flags(null, null, null, null, null);
  }

  public static final CitationSources NONE = resolve(Map.of(), Flags.NONE);

  public static CitationSources resolve(Map<String, String> env, Flags flags) {
    boolean oa = flags.openAlex() != null ? flags.openAlex() : onOff(env, OPENALEX_ENV);
    URI oaUrl = url(flags.openAlexUrl(), "--openalex-url", env, OPENALEX_URL_ENV, OPENALEX_DEFAULT);
    Optional<String> mailto = Optional.ofNullable(flags.openAlexMailto()).map(m -> mailto(m, "--openalex-mailto"))
        .or(() -> value(env, OPENALEX_MAILTO_ENV).map(m -> mailto(m, "$" + OPENALEX_MAILTO_ENV)));
    boolean s2 = flags.semanticScholar() != null ? flags.semanticScholar() : onOff(env, S2_ENV);
    URI s2Url = url(flags.s2Url(), "--s2-url", env, S2_URL_ENV, S2_DEFAULT);
    return new CitationSources(new Access(oa, oaUrl, key(env, OPENALEX_KEY_ENV), mailto),
        new Access(s2, s2Url, key(env, S2_KEY_ENV), Optional.empty()));
  }

  public boolean any() {
    return openAlex.enabled() || semanticScholar.enabled();
  }

  /** One line for the start-up log; keys show only as "with an API key". */
  public String describe() {
    return "citation sources: " + openAlex.describe("OpenAlex") + "; " + semanticScholar.describe("Semantic Scholar");
  }

  private static boolean onOff(Map<String, String> env, String name) {
    return value(env, name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException("$" + name + " must be on or off, was '" + v + "'");
    }).orElse(false);
  }

  private static URI url(String flag, String flagName, Map<String, String> env, String envName, URI fallback) {
    if (flag != null) {
      return httpUrl(flag, flagName);
    }
    return value(env, envName).map(v -> httpUrl(v, "$" + envName)).orElse(fallback);
  }

  private static URI httpUrl(String raw, String source) {
    try {
      URI u = new URI(raw.strip());
      if (u.getHost() != null && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
          && u.getQuery() == null && u.getFragment() == null) {
        return u;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(source + " must be an http(s) URL without a query, was '" + raw + "'");
  }

  private static String mailto(String raw, String source) {
    String m = raw.strip();
    if (!m.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new IllegalArgumentException(source + " must be a mail address (OpenAlex's polite pool), was '" + raw + "'");
    }
    return m;
  }

  /** A key is checked for shape only, and the message quotes its length, not the key. */
  private static Optional<String> key(Map<String, String> env, String name) {
    return value(env, name).map(k -> {
      if (!k.matches("[\\x21-\\x7e]+")) {
        throw new IllegalArgumentException("$" + name + " must be one word of printable ASCII; the value set ("
            + k.length() + " characters) is not");
      }
      return k;
    });
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }
}
