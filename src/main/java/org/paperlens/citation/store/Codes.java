package org.paperlens.citation.store;

import java.util.Locale;
import org.paperlens.citation.SourceName;

/** The stored spellings of sources and outcomes: lower-case enum names ({@code openalex}, {@code pending}). */
final class Codes {

  private Codes() {}

  static String of(SourceName source) {
    return source.name().toLowerCase(Locale.ROOT);
  }

  static String of(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }

  static SourceName source(String code) {
    return SourceName.valueOf(code.toUpperCase(Locale.ROOT));
  }
}
