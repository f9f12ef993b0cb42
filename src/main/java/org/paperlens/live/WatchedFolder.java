package org.paperlens.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.paperlens.common.BadInputException;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;

/**
 * A folder whose files are imported as they appear or change: drop a listing file (any format
 * {@code paperlens import} reads, gzip included) in it and the running server takes it in.
 *
 * <p>A file is imported once its size and modification time have stayed the same for one scan
 * (so a file still being copied is left alone), and again whenever they change. What was imported
 * is recorded in the catalogue only after the whole file is in; a server killed midway imports the
 * file again on restart, which changes nothing that was already in (imports are idempotent).
 */
final class WatchedFolder {

  private final Path folder;
  private final CatalogueStore store;
  private final Consumer<String> log;
  /** The size and time each file had at the previous scan: a file is imported once it is stable. */
  private final java.util.Map<Path, String> lastSeen = new java.util.HashMap<>();

  private final java.util.function.LongSupplier nanoTime;
  private final java.time.Duration progressEvery;

  WatchedFolder(Path folder, CatalogueStore store, Consumer<String> log) {
    this(folder, store, log, System::nanoTime, java.time.Duration.ofSeconds(10));
  }

  /** As above, with the clock and the interval of the progress lines a long import logs (a test's own). */
  WatchedFolder(Path folder, CatalogueStore store, Consumer<String> log, java.util.function.LongSupplier nanoTime,
      java.time.Duration progressEvery) {
    this.folder = folder;
    this.store = store;
    this.log = log;
    this.nanoTime = nanoTime;
    this.progressEvery = progressEvery;
  }

  /** Imports every stable new or changed file; returns how many files it imported. */
  int scan() {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int imported = 0;
    List<Path> ready = new ArrayList<>();
    java.util.Map<Path, String> stamps = new java.util.HashMap<>();
    for (Path file : files()) {
      String stamp;
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        stamp = a.size() + ":" + a.lastModifiedTime().toMillis();
      } catch (IOException e) {
        continue; // gone since the listing
      }
      String key = "watch:" + file.toAbsolutePath().normalize();
      String previous = lastSeen.put(file, stamp);
      Optional<String> done = store.state(key);
      if (done.isPresent() && done.get().startsWith(stamp + ":")) {
        continue;
      }
      if (!stamp.equals(previous)) {
        continue; // new or still changing: wait for one more scan
      }
      ready.add(file);
      stamps.put(file, stamp);
    }
    for (Path file : ready) {
      String stamp = stamps.get(file);
      String key = "watch:" + file.toAbsolutePath().normalize();
      ImportReport report = new ImportReport();
      ImportProgress progress = new ImportProgress(file.getFileName().toString(), ready.indexOf(file) + 1, ready.size(), report,
          log, nanoTime, progressEvery);
      String outcome;
      try {
        new Importer(store, new Importer.Options(Optional.empty(), null, 1000), progress).run(List.of(file), report);
        outcome = "imported";
        log.accept(String.format("imported %s in %.0f s: %s", file.getFileName(), progress.seconds(),
            report.summary().lines().findFirst().orElse("")));
      } catch (BadInputException e) {
        outcome = "rejected";
        log.accept("could not import " + file + " (kept what came before the problem; fix the file to retry): " + e.getMessage());
      } catch (IOException e) {
        log.accept("could not read " + file + " (retried at the next scan): " + e.getMessage());
        continue;
      }
      String record = stamp + ":" + outcome + ":" + Instant.now();
      store.write(w -> {
        w.putState(key, record);
        return null;
      });
      imported++;
    }
    return imported;
  }

  private List<Path> files() {
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> out = new ArrayList<>();
      walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
      return out;
    } catch (IOException | java.io.UncheckedIOException e) {
      log.accept("cannot list the watched folder " + folder + ": " + e.getMessage());
      return List.of();
    }
  }
}
