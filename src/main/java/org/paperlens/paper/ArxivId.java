package org.paperlens.paper;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier as written in the wild, split into the canonical paper id and the version.
 *
 * <p>Accepts new-style ids ({@code 2401.01234}, {@code 0704.0001}), old-style ids
 * ({@code hep-th/9901001}, {@code math.GT/0309136}), with or without a version suffix, an
 * {@code arXiv:} prefix, or an abs/pdf URL around them. Old-style ids with a subject class are
 * reduced to the archive ({@code math/0309136}) because that is how arXiv itself files them.
 *
 * @param version the version number, or 0 when the source did not say
 */
public record ArxivId(PaperId id, int version) {

  // Versions have at most four digits (real ones have one or two): more is garbage, and would overflow an int.
  private static final Pattern NEW_STYLE = Pattern.compile("(\\d{4}\\.\\d{4,5})(?:v(\\d{1,4}))?");
  private static final Pattern OLD_STYLE =
      Pattern.compile("([a-z][a-z-]*)(?:\\.[A-Z]{2})?/(\\d{7})(?:v(\\d{1,4}))?");
  private static final Pattern URL_PREFIX =
      Pattern.compile("^(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/", Pattern.CASE_INSENSITIVE);
  private static final Pattern OAI_PREFIX = Pattern.compile("^oai:arXiv\\.org:", Pattern.CASE_INSENSITIVE);

  /** Parses {@code raw}, or returns empty when it is not an arXiv identifier. */
  public static Optional<ArxivId> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.strip();
    s = URL_PREFIX.matcher(s).replaceFirst("");
    s = OAI_PREFIX.matcher(s).replaceFirst("");
    if (s.regionMatches(true, 0, "arxiv:", 0, 6)) {
      s = s.substring(6);
    }
    if (s.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      s = s.substring(0, s.length() - 4);
    }
    Matcher m = NEW_STYLE.matcher(s);
    if (m.matches()) {
      return Optional.of(new ArxivId(new PaperId(m.group(1)), versionOf(m.group(2))));
    }
    m = OLD_STYLE.matcher(s);
    if (m.matches()) {
      return Optional.of(new ArxivId(new PaperId(m.group(1) + "/" + m.group(2)), versionOf(m.group(3))));
    }
    return Optional.empty();
  }

  private static int versionOf(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  /** The abstract page on arxiv.org, the link arXiv itself publishes for a paper. */
  public String absUrl() {
    return "https://arxiv.org/abs/" + id.value();
  }

  public String pdfUrl() {
    return "https://arxiv.org/pdf/" + id.value();
  }
}
