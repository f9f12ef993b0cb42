package org.paperlens.web;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The issue-21 fuzz campaign's table for docs/reliability.md: requests per kind of case and their statuses. */
final class HostileReport {

  private HostileReport() {}

  static String of(long seed, int budget, double seconds, Map<HostileCases.Kind, Map<Integer, Integer>> statuses, int failures) {
    StringBuilder b = new StringBuilder();
    b.append("## Issue-21 campaign: multipart, expensive queries, nesting, request heads\n\n");
    b.append("`FuzzTest.no_invented_hostile_request_gets_a_server_error` sends seeded hostile requests as a logged-in member\n")
        .append("over raw sockets: broken multipart bodies (empty, no closing boundary, thousands of parts, huge part headers)\n")
        .append("to every form route; search queries of 1 to 20 fuzzy, wildcard, regular-expression, range, phrase-slop and\n")
        .append("boosted words to the search page, API, export and feed; BibTeX braces, query parentheses and JSON arrays\n")
        .append("nested up to 20,000 deep; request URIs and headers from 1 KB to 70 KB. It fails on any 5xx or unanswered request.\n\n");
    b.append(String.format(Locale.ROOT, "Command: `./mvnw -B test -Dtest='FuzzTest#no_invented_hostile_request_gets_a_server_error'"
        + " -Dpaperlens.fuzz.report=docs/reliability.md` (seed %d, %,d requests). Hardware: %s. Took %.1f s.%n%n",
        seed, budget, FuzzTest.hardware(), seconds));
    TreeSet<Integer> all = new TreeSet<>();
    statuses.values().forEach(m -> all.addAll(m.keySet()));
    b.append("| case | requests |");
    all.forEach(s -> b.append(' ').append(s < 0 ? "none" : s).append(" |"));
    b.append("\n|---|---:|");
    all.forEach(s -> b.append("---:|"));
    b.append('\n');
    statuses.forEach((kind, m) -> {
      b.append("| ").append(kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ")
          .append(String.format(Locale.ROOT, "%,d", m.values().stream().mapToInt(Integer::intValue).sum())).append(" |");
      all.forEach(s -> b.append(' ').append(String.format(Locale.ROOT, "%,d", m.getOrDefault(s, 0))).append(" |"));
      b.append('\n');
    });
    b.append(String.format(Locale.ROOT, "%n5xx or unanswered: **%d**.%n", failures));
    return b.toString();
  }
}
