package org.paperlens.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Benchmark helper, not a test: the bytes of a Lucene index by file extension, looking inside
 * compound files, so a bytes-per-paper figure can be split into stored fields, postings, doc
 * values, norms and vectors. Usage: {@code IndexBytes INDEX_DIR}.
 */
public final class IndexBytes {

  private IndexBytes() {}

  /** Bytes per extension ({@code fdt}, {@code vec}, ...) of every live segment of {@code index}. */
  public static Map<String, Long> byExtension(Path index) throws java.io.IOException {
    Map<String, Long> bytes = new TreeMap<>();
    try (Directory dir = FSDirectory.open(index)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
      for (SegmentCommitInfo commit : infos) {
        var info = commit.info;
        if (info.getUseCompoundFile()) {
          try (Directory cfs = info.getCodec().compoundFormat().getCompoundReader(dir, info)) {
            for (String file : cfs.listAll()) {
              bytes.merge(extension(file), cfs.fileLength(file), Long::sum);
            }
          }
        }
        for (String file : commit.files()) {
          if (!file.endsWith(".cfs") && !file.endsWith(".cfe")) {
            bytes.merge(extension(file), dir.fileLength(file), Long::sum);
          }
        }
      }
    }
    return bytes;
  }

  private static String extension(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(dot + 1);
  }

  private static final int PAGES = 2000;

  /** Median wall-clock and mean thread CPU, in ms, of reading the stored fields of 10 random documents. */
  private static double[] readPages(org.apache.lucene.index.IndexReader reader) throws java.io.IOException {
    java.util.Random random = new java.util.Random(42);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] ms = new double[PAGES];
    double cpu = 0;
    for (int p = 0; p < 2 * PAGES; p++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      var stored = reader.storedFields();
      for (int i = 0; i < 10; i++) {
        stored.document(random.nextInt(reader.maxDoc()));
      }
      if (p >= PAGES) {
        ms[p - PAGES] = (System.nanoTime() - t) / 1e6;
        cpu += (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
      }
    }
    java.util.Arrays.sort(ms);
    return new double[] {ms[PAGES / 2], cpu / PAGES};
  }

  /** The kinds of file a reader of the figures cares about, by extension; the rest is "other". */
  private static final Map<String, String> KINDS = kinds();

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new java.util.LinkedHashMap<>();
    for (String e : new String[] {"fdt", "fdx", "fdm"}) {
      kinds.put(e, "stored fields");
    }
    for (String e : new String[] {"doc", "pos", "pay", "tim", "tip", "tmd", "psm"}) {
      kinds.put(e, "postings");
    }
    for (String e : new String[] {"dvd", "dvm", "dvp", "dvs"}) {
      kinds.put(e, "doc values");
    }
    for (String e : new String[] {"nvd", "nvm"}) {
      kinds.put(e, "norms");
    }
    for (String e : new String[] {"kdd", "kdi", "kdm"}) {
      kinds.put(e, "points");
    }
    for (String e : new String[] {"vec", "vem", "vemf", "vemq", "veq", "vex"}) {
      kinds.put(e, "vectors");
    }
    return kinds;
  }

  /**
   * Usage: {@code IndexBytes DOC LABEL=INDEX_DIR...}: one row per index, bytes per paper by kind
   * of file; vectors per paper that has one (an index may hold vectors for only some papers).
   * Writes the {@code index-bytes} section of DOC.
   */
  public static void main(String[] args) throws Exception {
    Path doc = Path.of(args[0]);
    List<String> columns = List.of("stored fields", "postings", "doc values", "norms", "points", "other");
    StringBuilder table = new StringBuilder("| index | papers | with a vector | " + String.join(" | ", columns)
        + " | all but vectors | vectors per paper with one | sum: all but vectors + vectors | page of 10 stored documents: p50 ms | CPU ms |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (String arg : java.util.Arrays.copyOfRange(args, 1, args.length)) {
      String label = arg.substring(0, arg.indexOf('='));
      Path index = Path.of(arg.substring(arg.indexOf('=') + 1));
      long docs;
      long withVector = 0;
      double[] page;
      try (Directory dir = FSDirectory.open(index);
          var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
        docs = reader.numDocs();
        page = readPages(reader);
        for (var leaf : reader.leaves()) {
          // Float vectors before index format 7, byte vectors (our own codes) since.
          var info = leaf.reader().getFieldInfos().fieldInfo(org.paperlens.index.PaperFields.VECTOR);
          org.apache.lucene.index.KnnVectorValues values = info == null || !info.hasVectorValues() ? null
              : info.getVectorEncoding() == org.apache.lucene.index.VectorEncoding.BYTE
              ? leaf.reader().getByteVectorValues(org.paperlens.index.PaperFields.VECTOR)
              : leaf.reader().getFloatVectorValues(org.paperlens.index.PaperFields.VECTOR);
          withVector += values == null ? 0 : values.size();
        }
      }
      Map<String, Long> byKind = new TreeMap<>();
      byExtension(index).forEach((ext, b) -> byKind.merge(KINDS.getOrDefault(ext, "other"), b, Long::sum));
      long vectors = byKind.getOrDefault("vectors", 0L);
      long rest = byKind.values().stream().mapToLong(Long::longValue).sum() - vectors;
      table.append(String.format("| %s | %,d | %,d |", label, docs, withVector));
      for (String c : columns) {
        table.append(String.format(" %,.0f |", byKind.getOrDefault(c, 0L) / (double) docs));
      }
      double vectorEach = withVector == 0 ? 0 : vectors / (double) withVector;
      table.append(String.format(" %,.0f | %,.0f | %,.0f | %.2f | %.2f |%n", rest / (double) docs, vectorEach,
          rest / (double) docs + vectorEach, page[0], page[1]));
    }
    String body = "## Index bytes per paper, by kind of file (issues 14 and 23)\n\n"
        + "Bytes per paper of each kind of Lucene file (inside the compound files too), for the index `paperlens reindex`"
        + " builds from the arXiv listings (real texts). Vectors are counted per paper that has one, so the last column is"
        + " what a paper costs once every paper is embedded. Page of 10: the stored fields of 10 random documents read"
        + " (what a result page's snippets and rows read), " + PAGES + " pages after " + PAGES + " warm-up ones, seed 42,"
        + " one thread; median wall-clock and mean thread CPU a page. " + Load.describe() + "\n\n"
        + table
        + "\nCommand: `bench/index-bytes " + String.join(" ", java.util.Arrays.stream(args).skip(1).map(a -> "'" + a + "'").toList())
        + "`, the directories being what `paperlens --data DATA_DIR reindex` built. Hardware: " + Hardware.describe() + ".\n";
    org.paperlens.eval.MarkedSection.writeInto(doc, "index-bytes", body, "# Benchmarks");
    System.out.print(body);
  }
}
