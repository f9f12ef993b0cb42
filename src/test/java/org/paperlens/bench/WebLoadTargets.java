package org.paperlens.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.paperlens.config.Config;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;

/**
 * Benchmark input, not a test: what {@code bench/web-load} asks the server for, drawn from the
 * catalogue it serves (fixed seed), one URL-encoded value per line in OUT_DIR:
 * <ul>
 *   <li>{@code queries.txt}: the search-latency queries (500 pasted titles, 500 keyword queries);
 *   <li>{@code papers.txt}: 2,000 ids of live papers, so every paper page exists;
 *   <li>{@code dates.txt}: every day that has a daily listing, so every daily page has papers.
 * </ul>
 * Usage: {@code WebLoadTargets DATA_DIR OUT_DIR}.
 */
public final class WebLoadTargets {

  private static final int PAPERS = 2000;

  public static void main(String[] args) throws IOException {
    Config config = Config.resolve(System.getenv(), Path.of(args[0]));
    Path out = Files.createDirectories(Path.of(args[1]));
    List<String> ids = new ArrayList<>();
    TreeSet<LocalDate> days = new TreeSet<>();
    try (CatalogueStore store = CatalogueStore.open(config.dataDir())) {
      store.forEachLive((Paper p) -> {
        ids.add(p.id().value());
        if (p.firstListed() != null) {
          days.add(p.firstListed());
        }
      });
    }
    if (ids.isEmpty() || days.isEmpty()) {
      throw new IllegalStateException("the catalogue in " + config.dataDir() + " has no listed papers to ask for");
    }
    Collections.shuffle(ids, new Random(42));
    Files.write(out.resolve("queries.txt"), SearchLatency.queries(config).stream().map(WebLoadTargets::encode).toList());
    // Old-style ids (hep-th/9901001) keep their slash: it is part of the paper's path.
    Files.write(out.resolve("papers.txt"), ids.subList(0, Math.min(PAPERS, ids.size())).stream()
        .map(id -> encode(id).replace("%2F", "/")).toList());
    Files.write(out.resolve("dates.txt"), days.stream().map(LocalDate::toString).toList());
    System.err.printf("bench: %d queries, %d paper ids, %d listing days (%s to %s) in %s%n",
        Files.readAllLines(out.resolve("queries.txt")).size(), Math.min(PAPERS, ids.size()), days.size(),
        days.first(), days.last(), out);
    System.out.println(Hardware.describe());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private WebLoadTargets() {}
}
