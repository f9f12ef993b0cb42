package org.paperlens.citation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.PaperId;

/**
 * A DOI in one spelling: lower case, without resolver prefix. DOIs are case-insensitive (the DOI
 * Handbook, 2.4) and sources write them as {@code 10.x/Y}, {@code doi:10.x/Y} or
 * {@code https://doi.org/10.x/Y}; one spelling makes them comparable as plain strings.
 */
public record Doi(String value) {

  // A DOI is "10." + registrant + "/" + suffix; the suffix may hold almost anything but spaces.
  private static final Pattern DOI = Pattern.compile("(10\\.\\d{4,9}/\\S+)");
  private static final Pattern PREFIX =
      Pattern.compile("^(?:doi:\\s*|https?://(?:dx\\.)?doi\\.org/)", Pattern.CASE_INSENSITIVE);

  public Doi {
    if (!DOI.matcher(value).matches() || !value.equals(value.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("not a normalised DOI: '" + value + "'");
    }
  }

  /** The DOI in {@code raw} (bare, {@code doi:} or resolver URL), or empty when there is none. */
  public static Optional<Doi> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = PREFIX.matcher(raw.strip()).replaceFirst("");
    Matcher m = DOI.matcher(s);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    // Trailing punctuation is sentence, not DOI, when a DOI is cut out of running text.
    String doi = m.group(1).replaceAll("[.,;]+$", "");
    return Optional.of(new Doi(doi.toLowerCase(Locale.ROOT)));
  }

  /** The DOI arXiv registers for every paper (DataCite, since 2022), used to look arXiv papers up by DOI. */
  public static Doi ofArxiv(PaperId arxivId) {
    return new Doi(("10.48550/arxiv." + arxivId.value()).toLowerCase(Locale.ROOT));
  }

  /** The arXiv id when this is an arXiv DOI ({@code 10.48550/arXiv.2401.01234}). */
  public Optional<PaperId> arxivId() {
    return value.startsWith("10.48550/arxiv.")
        ? ArxivId.parse(value.substring("10.48550/arxiv.".length())).map(ArxivId::id)
        : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
