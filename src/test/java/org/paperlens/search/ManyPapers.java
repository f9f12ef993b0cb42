package org.paperlens.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paperlens.common.Progress;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;

/**
 * More papers than a search counts exactly ({@link Searcher#EXACT_COUNT}): {@link #PAPERS} papers
 * about sparse graphs, one in ten of them also about lattices ({@link #LATTICE} papers), imported
 * into a catalogue beside whatever it holds. After every fifth of them comes a paper about dense
 * trees, so that no index segment holds only matches of "sparse graphs": Lucene counts a
 * conjunction for free (and exactly) in a segment where every document holds both words, and a
 * reindex whose segments happened to split that way (a CI run did) gave an exact 1,100 instead of
 * exercising the bound.
 */
public final class ManyPapers {

  public static final int PAPERS = 1_100;
  public static final int LATTICE = PAPERS / 10;

  private ManyPapers() {}

  /** Imports the papers into {@code store} (ids 2402.10000 on). */
  public static void addTo(CatalogueStore store, Path tmp) {
    Path file = write(tmp);
    try {
      new Importer(store, new Importer.Options(Optional.empty(), "x", 500), Progress.NONE).run(List.of(file), new ImportReport());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the papers as an arXiv listing file in {@code dir}; returns its path. */
  public static Path write(Path dir) {
    List<String> lines = new ArrayList<>(PAPERS + PAPERS / 5);
    int id = 10_000;
    for (int i = 0; i < PAPERS; i++) {
      String lattice = i % 10 == 0 ? " on a lattice" : "";
      lines.add(line(id++, i, "Sparse graphs study " + i, "We count sparse graphs" + lattice + ", case number " + i + "."));
      if (i % 5 == 4) {
        lines.add(line(id++, i, "Dense trees study " + i, "We count dense trees, case number " + i + "."));
      }
    }
    try {
      return Files.write(dir.resolve("many-papers.jsonl"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(int id, int i, String title, String summary) {
    return String.format("{\"id\": \"2402.%05d\", \"authors\": [\"Ada Author %d\"], \"title\": \"%s\","
        + " \"categories\": [\"cs.DS\"], \"comment\": null, \"summary\": \"%s\","
        + " \"first_seen_listing_date\": \"2024-02-%02d\"}", id, i, title, summary, 1 + i % 28);
  }
}
