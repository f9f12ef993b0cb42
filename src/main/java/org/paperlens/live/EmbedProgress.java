package org.paperlens.live;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How far the server's embedding has got, as the status API, the log and the search page give it.
 * Counted from the catalogue (not from the stretch being embedded), so it is right from the first
 * second: papers imported a moment ago are in {@code papers} before any of them is embedded.
 *
 * @param papers the catalogue's papers that can be embedded (live, with a title or an abstract)
 * @param embedded those of them with a vector stored
 * @param rate papers embedded per second over the last minute; 0 when not embedding
 * @param firstListed the earliest listing day (ISO) among the embedded papers, null when none
 * @param lastListed the latest listing day among them, null when none
 */
public record EmbedProgress(long papers, long embedded, double rate, String firstListed, String lastListed) {

  /** Nothing counted yet: no embedder in this server, or it has not looked. */
  public static final EmbedProgress NONE = new EmbedProgress(0, 0, 0, null, null);

  public long toEmbed() {
    return Math.max(0, papers - embedded);
  }

  /** How long the rest takes at the current rate; empty when nothing is left or nothing is being embedded. */
  public Optional<Duration> eta() {
    if (toEmbed() == 0 || rate <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds((long) Math.ceil(toEmbed() / rate)));
  }

  /** The listing days meaning search covers, e.g. "2026-03-01 to 2026-06-30"; empty when nothing is embedded. */
  public Optional<String> listedRange() {
    if (firstListed == null || lastListed == null) {
      return Optional.empty();
    }
    return Optional.of(firstListed.equals(lastListed) ? firstListed : firstListed + " to " + lastListed);
  }

  /** One line for the log and the status, e.g. "12,345 of 74,728 papers embedded (16.5%), 38.2 papers/s, all in about 27 min". */
  public String describe() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d papers embedded (%.1f%%)", embedded, papers,
        papers == 0 ? 100.0 : 100.0 * embedded / papers));
    if (rate > 0) {
      s.append(String.format(Locale.ROOT, ", %.1f papers/s", rate));
    }
    eta().ifPresent(d -> s.append(", all in ").append(about(d)));
    listedRange().ifPresent(r -> s.append("; meaning search covers papers listed ").append(r));
    return s.toString();
  }

  /** A duration as people say it: "about 25 min", "about 1 h 5 min", "under a minute". */
  public static String about(Duration d) {
    long minutes = Math.round(d.toSeconds() / 60.0);
    if (minutes < 1) {
      return "under a minute";
    }
    return minutes < 60 ? "about " + minutes + " min"
        : "about " + minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }
}
