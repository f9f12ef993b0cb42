package org.paperlens.index.lucene;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.PaperFields;
import org.paperlens.paper.PaperId;

/**
 * Decision experiment, not a test: thread CPU of marking the top 10 abstracts of each query with
 * the unified highlighter's two analysis strategies (a memory index per abstract, the default, or
 * plain token filtering), alternating query by query, and how many snippets differ.
 * Usage: {@code SnippetSpeed INDEX_DIR QUERIES_FILE}.
 */
public final class SnippetSpeed {

  public static void main(String[] args) throws Exception {
    List<String> queries = Files.readAllLines(Path.of(args[1])).stream().filter(q -> !q.isBlank()).toList();
    Analyzer analyzer = PaperAnalyzer.create();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (LuceneIndex index = LuceneIndex.open(Path.of(args[0]), IndexSettings.DEFAULT)) {
      UnifiedHighlighter[] ways = new UnifiedHighlighter[2];
      for (int w = 0; w < 2; w++) {
        ways[w] = UnifiedHighlighter.builderWithoutSearcher(analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxLength(20_000).withWeightMatches(false).withPassageRelevancyOverSpeed(w == 0).build();
      }
      List<Query> parsed = new ArrayList<>();
      List<List<String>> texts = new ArrayList<>();
      for (String q : queries) {
        try {
          parsed.add(PaperQueryParser.parse(q, org.paperlens.index.Match.ANY, analyzer, IndexSettings.DEFAULT.fieldBoosts()));
        } catch (BadQueryException e) {
          continue;
        }
        List<PaperId> ids = index.keyword(q, Filters.NONE, 10).stream().map(IndexHit::id).toList();
        texts.add(index.getAll(ids).values().stream().map(IndexedPaper::abstractText).toList());
      }
      long[] cpu = new long[2];
      int differ = 0;
      int total = 0;
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < parsed.size(); i++) {
          String[][] out = new String[2][];
          for (int k = 0; k < 2; k++) {
            int w = (i + round + k) % 2; // alternate which goes first
            long t = threads.getCurrentThreadCpuTime();
            out[w] = new String[texts.get(i).size()];
            for (int d = 0; d < texts.get(i).size(); d++) {
              Object m = ways[w].highlightWithoutSearcher(PaperFields.ABSTRACT, parsed.get(i), texts.get(i).get(d), 2);
              out[w][d] = m == null ? null : m.toString();
            }
            cpu[w] += threads.getCurrentThreadCpuTime() - t;
          }
          if (round == 0) {
            for (int d = 0; d < out[0].length; d++) {
              total++;
              if (!java.util.Objects.equals(out[0][d], out[1][d])) {
                differ++;
                if (differ <= 3) {
                  System.out.println("memory index: " + out[0][d] + "\ntoken filter: " + out[1][d] + "\n");
                }
              }
            }
          }
        }
      }
      System.out.printf("queries %d, snippets %d, differing %d; CPU ms per page of 10: memory index %.3f, token filter %.3f, ratio %.2f%n",
          parsed.size(), total, differ, cpu[0] / 1e6 / (5.0 * parsed.size()), cpu[1] / 1e6 / (5.0 * parsed.size()),
          (double) cpu[1] / cpu[0]);
    }
  }
}
