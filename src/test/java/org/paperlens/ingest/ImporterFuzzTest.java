package org.paperlens.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.BadInputException;
import org.paperlens.common.Progress;
import org.paperlens.eval.MarkedSection;
import org.paperlens.paper.CatalogueException;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperText;
import org.paperlens.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Fuzzes the importer: valid inputs of every format, mutated with a fixed seed (truncation, byte
 * flips, huge fields, control characters, impossible dates, wrong JSON types, deep nesting, gzip
 * of garbage...), each imported into a catalogue as {@code paperlens import} would. Every input
 * must end as an import (exit 0) or a bad input (exit 3), with every record it read counted as
 * stored or skipped, and the catalogue must hold exactly the papers counted as new, each within
 * {@link RecordLimits} and free of control characters: nothing half-written, nothing unreported.
 *
 * <p>With {@code -Dpaperlens.fuzz.report=docs/reliability.md} it writes its figures there.
 */
class ImporterFuzzTest {

  /** The seed of the figures in docs/reliability.md; {@code -Dpaperlens.fuzz.seed=N} tries another. */
  static final long SEED = Long.getLong("paperlens.fuzz.seed", 20_261_201L);
  static final int INPUTS_PER_FORMAT = 450;
  private static final String REPORT_PROPERTY = "paperlens.fuzz.report";

  private record Format(String name, InputFormat format, String extension, List<String> fixtures,
      List<Mutations.Mutation> mutations) {}

  private static final List<Format> FORMATS = List.of(
      new Format("OAI-PMH, arXiv", InputFormat.OAI_PMH, ".xml",
          List.of("oai/resumption-token.xml", "oai/deleted-record.xml", "oai/no-id.xml"), Mutations.XML),
      new Format("OAI-PMH, oai_dc", InputFormat.OAI_PMH, ".xml", List.of("oai/oai-dc-page.xml"), Mutations.XML),
      new Format("Atom (and recorded JSON)", InputFormat.ATOM, ".xml",
          List.of("atom/two-entries.xml", "atom/entry-without-id.xml", "atom/recorded-ok.json"), Mutations.XML),
      new Format(".abs", InputFormat.ABS, ".abs", List.of("abs/latin-1.abs",
          "abs/tree/ftp/cs/papers/2601/2601.00099.abs", "abs/tree/ftp/cs/papers/2601/2601.00077.abs"), List.of()),
      new Format("JSON Lines, Kaggle", InputFormat.ARXIV_JSONL, ".jsonl", List.of("kaggle-sample.jsonl"), Mutations.JSON_LINES),
      new Format("JSON Lines, daily listing", InputFormat.ARXIV_JSONL, ".jsonl",
          List.of("listing-sample.jsonl", "listings-small.jsonl"), Mutations.JSON_LINES),
      new Format("BEIR corpus", InputFormat.BEIR, ".jsonl", List.of("beir-mini/corpus.jsonl"), Mutations.JSON_LINES));

  /** What all inputs of one format came to. */
  private static final class Tally {
    int inputs;
    int imported;
    int badInput;
    int catalogueError;
    long read;
    long added;
    long updated;
    long unchanged;
    long deleted;
    long skipped;
  }

  @TempDir Path dir;

  @Test
  void mutated_inputs_of_every_format_are_imported_or_refused_and_never_half_written_or_unreported() throws Exception {
    long started = System.nanoTime();
    resetPeakHeap();
    Random random = new Random(SEED);
    Map<String, Tally> tallies = new java.util.LinkedHashMap<>();
    Map<String, Long> reasons = new TreeMap<>();
    Map<String, Integer> mutationCounts = new TreeMap<>();
    List<String> escaped = new ArrayList<>();
    long largest = 0;
    for (Format format : FORMATS) {
      Tally tally = new Tally();
      tallies.put(format.name(), tally);
      List<byte[]> samples = new ArrayList<>();
      for (String fixture : format.fixtures()) {
        samples.add(Files.readAllBytes(TestInputs.fixture(fixture)));
      }
      List<Mutations.Mutation> pool = Stream.concat(Mutations.BLIND.stream(), format.mutations().stream()).toList();
      Path data = dir.resolve("catalogue-" + tallies.size());
      try (CatalogueStore store = TestDatabase.catalogue(data)) {
        for (int i = 0; i < INPUTS_PER_FORMAT; i++) {
          byte[] input = samples.get(random.nextInt(samples.size()));
          List<String> applied = new ArrayList<>();
          for (int m = 0, n = 1 + random.nextInt(3); m < n; m++) {
            Mutations.Mutation mutation = pool.get(random.nextInt(pool.size()));
            input = mutation.apply().apply(input, random);
            applied.add(mutation.name());
            mutationCounts.merge(mutation.name(), 1, Integer::sum);
          }
          if (random.nextInt(10) == 0) {
            input = Mutations.gzip(input);
            applied.add("gzip");
          }
          largest = Math.max(largest, input.length);
          Path file = dir.resolve("input-" + tallies.size() + "-" + i + format.extension());
          Files.write(file, input);
          // Mostly as `--format` says, so readers see inputs too broken to be recognised; else detected.
          Optional<InputFormat> declared = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(format.format());
          ImportReport report = new ImportReport();
          tally.inputs++;
          try {
            new Importer(store, new Importer.Options(declared, "fuzz", 1 + random.nextInt(50)), Progress.NONE)
                .run(List.of(file), report);
            tally.imported++;
          } catch (BadInputException e) {
            tally.badInput++;
          } catch (org.paperlens.store.StoreException e) {
            tally.catalogueError++;
          } catch (Exception | Error e) { // anything else would leave paperlens with an undocumented failure
            Path kept = Files.createDirectories(Path.of("target", "fuzz-failures")).resolve(file.getFileName());
            Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            escaped.add(format.name() + " input " + i + " " + applied + " (kept as " + kept + "): " + e);
          }
          assertThat(report.read()).as("every record read is counted once: %s %s", format.name(), applied)
              .isEqualTo(report.added() + report.updated() + report.unchanged() + report.deleted() + report.skipped());
          add(tally, report);
          report.skipReasons().forEach((reason, count) -> reasons.merge(category(reason), count, Long::sum));
          Files.delete(file);
        }
        assertThat(store.count()).as("the catalogue holds exactly the papers counted as new: " + format.name())
            .isEqualTo(tally.added);
        store.forEach(ImporterFuzzTest::assertWhole);
      }
    }
    assertThat(escaped).as("failures other than bad input or a catalogue error").isEmpty();
    double seconds = (System.nanoTime() - started) / 1e9;
    String figures = figures(tallies, reasons, mutationCounts, largest, seconds);
    System.out.println(figures);
    String target = System.getProperty(REPORT_PROPERTY);
    if (target != null && !target.isBlank()) {
      MarkedSection.writeInto(Path.of(target), "importer-fuzz", figures, "## Importer fuzzing");
    }
  }

  /** A stored paper as an importer may leave it: within the limits, no control characters. */
  private static void assertWhole(Paper p) {
    assertThat(RecordLimits.violation(p, LocalDate.now(ZoneOffset.UTC))).as("limits of %s", p.id()).isEmpty();
    List<String> texts = new ArrayList<>(p.authors());
    texts.addAll(p.categories());
    Stream.of(p.id().value(), p.title(), p.abstractText(), p.comment(), p.journalRef(), p.doi())
        .filter(t -> t != null).forEach(texts::add);
    for (String t : texts) {
      assertThat(PaperText.withoutControls(t)).as("control characters in %s", p.id()).isEqualTo(t);
    }
  }

  private static void add(Tally t, ImportReport r) {
    t.read += r.read();
    t.added += r.added();
    t.updated += r.updated();
    t.unchanged += r.unchanged();
    t.deleted += r.deleted();
    t.skipped += r.skipped();
  }

  /** A reason without the input it quotes: "bad date '1066-13-99'" and "bad date '+99999'" are one reason. */
  static String category(String reason) {
    String s = reason.replaceAll("'[^']*'(?! should be)", "'…'").replaceAll("<[^>]*>", "<…>").replaceAll("\\d[\\d,.]*", "N");
    int colon = s.indexOf(": ");
    s = colon > 0 ? s.substring(0, colon) : s;
    int paren = s.indexOf(" (");
    return (paren > 0 ? s.substring(0, paren) : s).strip();
  }

  private static String figures(Map<String, Tally> tallies, Map<String, Long> reasons, Map<String, Integer> mutations,
      long largest, double seconds) {
    StringBuilder md = new StringBuilder();
    md.append("Produced by `./mvnw -B -q test -Dtest=ImporterFuzzTest -Dpaperlens.fuzz.report=docs/reliability.md`")
        .append(" (seed ").append(SEED).append(") on ").append(machine()).append(String.format(
            "; %.1f s, peak heap use %,d MiB, largest input %,d bytes.%n%n", seconds, peakHeap() >> 20, largest));
    md.append("| format | inputs | imported (exit 0) | bad input (exit 3) | catalogue error (exit 4) | records read | new | updated | unchanged | deleted | skipped |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Tally all = new Tally();
    tallies.forEach((name, t) -> {
      row(md, name, t);
      all.inputs += t.inputs;
      all.imported += t.imported;
      all.badInput += t.badInput;
      all.catalogueError += t.catalogueError;
      all.read += t.read;
      all.added += t.added;
      all.updated += t.updated;
      all.unchanged += t.unchanged;
      all.deleted += t.deleted;
      all.skipped += t.skipped;
    });
    row(md, "**all**", all);
    md.append("\nOther outcomes (an exception other than bad input or a catalogue error, an Error, a record read"
        + " but not counted, a paper stored outside the limits): none.\n\n");
    md.append("Mutations applied (1 to 3 per input, then gzip for one input in ten): ");
    md.append(String.join(", ", mutations.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()))
        .append(".\n\n");
    md.append("| records skipped, by reason | count |\n|---|---:|\n");
    reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
        .forEach(e -> md.append("| ").append(e.getKey().replace("|", "\\|")).append(" | ").append(String.format("%,d", e.getValue())).append(" |\n"));
    long rest = reasons.values().stream().mapToLong(Long::longValue).sum()
        - reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20).mapToLong(Map.Entry::getValue).sum();
    if (rest > 0) {
      md.append("| (").append(reasons.size() - 20).append(" other reasons) | ").append(String.format("%,d", rest)).append(" |\n");
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String name, Tally t) {
    md.append(String.format("| %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d |%n", name, t.inputs, t.imported,
        t.badInput, t.catalogueError, t.read, t.added, t.updated, t.unchanged, t.deleted, t.skipped));
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
    } catch (java.io.IOException e) {
      // not Linux: the core count still says something
    }
    return String.format("%d cores (%s), JDK %s, %s", Runtime.getRuntime().availableProcessors(), cpu,
        Runtime.version().feature(), LocalDate.now());
  }

  private static void resetPeakHeap() {
    ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
