package org.paperlens.digest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.paper.AuthorNames;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * The papers a digest may hold, newest listing first: those first listed after {@code after} and on
 * or before {@code upTo}, plus late arrivals (papers that reached the index since the last digest
 * although first listed a little earlier). Shared by every subscription with the same window in a
 * run, so the work per paper (folding author names for matching) is done once per run, not once
 * per subscriber.
 *
 * @param after every candidate was first listed after this day (null: any day)
 * @param key names the window, for sharing rankings between subscriptions with the same one
 * @param foldedAuthors each paper's authors, {@link AuthorNames#fold folded} and joined by {@code |}
 */
public record Candidates(LocalDate after, LocalDate upTo, String key, List<Paper> newestFirst, Map<PaperId, Paper> byId,
    Map<PaperId, String> foldedAuthors) {

  public static Candidates of(LocalDate after, LocalDate upTo, String key, List<Paper> newestFirst) {
    Map<PaperId, Paper> byId = new LinkedHashMap<>();
    Map<PaperId, String> authors = new HashMap<>();
    for (Paper p : newestFirst) {
      byId.put(p.id(), p);
      authors.put(p.id(), String.join("|", p.authors().stream().map(AuthorNames::fold).toList()));
    }
    return new Candidates(after, upTo, key, List.copyOf(newestFirst), byId, authors);
  }
}
