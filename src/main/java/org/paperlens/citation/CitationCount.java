package org.paperlens.citation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How often a work is cited, as a source counted it on a day: counts only grow stale, so the date
 * travels with the number (pages say "as of", the refresh cadence reads it).
 *
 * @param influential Semantic Scholar's count of citations that lean on the work; other sources have none
 */
public record CitationCount(int total, Optional<Integer> influential, LocalDate asOf) {
  public CitationCount {
    if (total < 0 || influential.filter(i -> i < 0).isPresent()) {
      throw new IllegalArgumentException("a citation count cannot be negative: " + total + ", " + influential);
    }
  }
}
