package org.paperlens.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.paperlens.config.Config;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;

/**
 * Benchmark input, not a test: what {@code bench/web-load} asks the server for, drawn from the
 * catalogue it serves (fixed seeds), one URL-encoded value per line in OUT_DIR:
 * <ul>
 *   <li>{@code queries.txt}: the search-latency queries (500 pasted titles, 500 keyword queries),
 *       asked over and over, as people repeat queries (their vectors end up in the server's cache);
 *   <li>{@code fresh-queries.txt}: 20,000 more, all different from each other and from those, so
 *       each one is embedded when asked: the cost of queries the server has never seen;
 *   <li>{@code papers.txt}: 2,000 ids of live papers, so every paper page exists;
 *   <li>{@code dates.txt}: every day that has a daily listing, so every daily page has papers.
 * </ul>
 * Prints the hardware line for the report. Usage: {@code WebLoadTargets DATA_DIR OUT_DIR}.
 */
public final class WebLoadTargets {

  private static final int PAPERS = 2000;
  /** How many never-asked queries to write (-Dfresh=N; bench/web-overload asks for more, so no run repeats one). */
  private static final int FRESH_QUERIES = Integer.getInteger("fresh", 20_000);

  public static void main(String[] args) throws IOException {
    Config config = Config.resolve(System.getenv(), Path.of(args[0]));
    Path out = Files.createDirectories(Path.of(args[1]));
    List<Paper> papers = new ArrayList<>();
    try (CatalogueStore store = CatalogueStore.open(config.dataDir())) {
      store.forEachLive(papers::add);
    }
    TreeSet<LocalDate> days = new TreeSet<>();
    papers.stream().map(Paper::firstListed).filter(d -> d != null).forEach(days::add);
    if (papers.isEmpty() || days.isEmpty()) {
      throw new IllegalStateException("the catalogue in " + config.dataDir() + " has no listed papers to ask for");
    }
    List<String> queries = SearchLatency.queries(papers, 1000, 42);
    Set<String> fresh = new LinkedHashSet<>(SearchLatency.queries(papers, 3 * FRESH_QUERIES, 7));
    fresh.removeAll(queries);
    List<String> ids = new ArrayList<>(papers.stream().map(p -> p.id().value()).toList());
    Collections.shuffle(ids, new Random(42));

    Files.write(out.resolve("queries.txt"), queries.stream().map(WebLoadTargets::encode).toList());
    Files.write(out.resolve("fresh-queries.txt"), fresh.stream().limit(FRESH_QUERIES).map(WebLoadTargets::encode).toList());
    // Old-style ids (hep-th/9901001) keep their slash: it is part of the paper's path.
    Files.write(out.resolve("papers.txt"), ids.subList(0, Math.min(PAPERS, ids.size())).stream()
        .map(id -> encode(id).replace("%2F", "/")).toList());
    Files.write(out.resolve("dates.txt"), days.stream().map(LocalDate::toString).toList());
    System.err.printf("bench: %,d papers, %,d listing days (%s to %s); targets in %s%n",
        papers.size(), days.size(), days.first(), days.last(), out);
    System.out.println(Hardware.describe());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private WebLoadTargets() {}
}
