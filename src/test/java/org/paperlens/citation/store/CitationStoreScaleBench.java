package org.paperlens.citation.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/**
 * The storage figures in the README, on SQLite (or PostgreSQL with the pom's second run): a paper
 * with 500 references recorded, and every edge of a 75,000-paper catalogue with 40 references each
 * read. Minutes of work, so only when asked:
 * {@code ./mvnw -o test -Dtest=CitationStoreScaleBench -Dpaperlens.bench=true -DskipPostgresTests}.
 */
@EnabledIfSystemProperty(named = "paperlens.bench", matches = "true")
class CitationStoreScaleBench {

  @TempDir Path tmp;

  @Test
  void a_paper_with_500_references_is_recorded() {
    try (Stores s = new Stores(tmp, Clock.systemUTC())) {
      for (int round = 0; round < 8; round++) {
        PaperId p = s.paper("2607." + (20000 + round), LocalDate.parse("2026-07-01"), "cs.LG");
        List<LinkedWork> refs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          int n = round * 1000 + i;
          refs.add(i % 3 == 0 ? Works.doiRef("10.1000/ref." + n, "Reference " + n, 2000 + i % 20)
              : i % 3 == 1 ? Works.arxivRef(new PaperId("2001." + (10000 + n)))
              : Works.titleOnly("A reference without ids number " + n, 1990));
        }
        Work w = Works.of(SourceName.SEMANTIC_SCHOLAR, Works.arxiv(p)).references(refs).build();
        long t = System.nanoTime();
        s.citations.record(p, w, Instant.now(), Instant.now());
        long first = System.nanoTime() - t;
        t = System.nanoTime();
        s.citations.record(p, w, Instant.now(), Instant.now());
        System.out.printf("500 references: %d ms, the same again %d ms%n", first / 1_000_000, (System.nanoTime() - t) / 1_000_000);
      }
    }
  }

  @Test
  void three_million_edges_are_read() {
    int papers = 75_000;
    int externals = 1_000_000;
    try (Stores s = new Stores(tmp, Clock.systemUTC())) {
      // Filled with plain SQL: what is measured is the read.
      s.db.transaction(tx -> {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < papers; i++) {
          rows.add(new Object[] {"2501." + (10000 + i)});
        }
        tx.batch("INSERT INTO papers (id, version, authors, categories, classes, source) VALUES (?, 1, '[]', '', '[]', 't')", rows);
        rows.clear();
        for (int i = 0; i < papers; i++) {
          rows.add(new Object[] {(long) i + 1, "2501." + (10000 + i)});
        }
        tx.batch("INSERT INTO citation_works (id, paper_id) VALUES (?, ?)", rows);
        rows.clear();
        for (int i = 0; i < externals; i++) {
          rows.add(new Object[] {(long) papers + i + 1, "10.1/" + i});
        }
        tx.batch("INSERT INTO citation_works (id, doi) VALUES (?, ?)", rows);
        return null;
      });
      Random r = new Random(1);
      for (int chunk = 0; chunk < papers / 1000; chunk++) {
        int from = chunk * 1000;
        s.db.transaction(tx -> {
          List<Object[]> rows = new ArrayList<>();
          for (int p = from; p < from + 1000; p++) {
            Set<Long> seen = new HashSet<>();
            while (seen.size() < 40) { // a quarter of the references in the catalogue
              long cited = r.nextInt(4) == 0 ? 1 + r.nextInt(papers) : papers + 1 + r.nextInt(externals);
              if (cited != p + 1 && seen.add(cited)) {
                rows.add(new Object[] {(long) p + 1, cited, "openalex", "2026-01-01T00:00:00.000000Z"});
              }
            }
          }
          tx.batch("INSERT INTO citation_edges (citing_work, cited_work, source, first_seen) VALUES (?, ?, ?, ?)", rows);
          return null;
        });
      }
      for (int round = 0; round < 2; round++) {
        long[] n = new long[1];
        long t = System.nanoTime();
        s.citations.forEachEdge(e -> n[0]++);
        long streamed = System.nanoTime() - t;
        System.gc();
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        t = System.nanoTime();
        List<CitationEdge> edges = s.citations.edges();
        long listed = System.nanoTime() - t;
        System.gc();
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        int size = edges.size(); // after the measurement, so the list is held during it
        System.out.printf("%d edges: forEachEdge %d ms; edges() %d ms (%d edges, %d MB held while listed)%n", n[0],
            streamed / 1_000_000, listed / 1_000_000, size, Math.max(0, after - before) >> 20);
      }
    }
  }
}
