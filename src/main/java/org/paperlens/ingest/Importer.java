package org.paperlens.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.paperlens.common.BadInputException;
import org.paperlens.common.Progress;
import org.paperlens.paper.CatalogueStore;

/**
 * Imports files (or directory trees of them) into the catalogue.
 *
 * <p>Records are applied in batches of {@code batchSize}, each batch one transaction, so a killed
 * import leaves whole batches only; since merging is idempotent ({@link Revisions}), running the
 * same import again finishes the job with exactly the catalogue an uninterrupted run gives.
 */
public final class Importer {

  /** What to import and how. */
  public record Options(Optional<InputFormat> format, String datasetName, int batchSize) {
    public Options {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
      }
    }
  }

  private final CatalogueStore store;
  private final Options options;
  private final Progress progress;

  public Importer(CatalogueStore store, Options options, Progress progress) {
    this.store = store;
    this.options = options;
    this.progress = progress;
  }

  /**
   * Imports every input under {@code paths}. Directories are walked in name order; files in them
   * that are in no known format, and entries that are not files or cannot be read ({@link TreeWalk}),
   * are reported and passed over. A named file in no known format, or any unreadable file, stops
   * the import with {@link BadInputException} after committing what came before it.
   */
  public ImportReport run(List<Path> paths, ImportReport report) throws IOException {
    List<Path> files = expand(paths, report);
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    progress.begin("import", total, "bytes");
    long before = 0;
    try {
      for (Path file : files) {
        before = importFile(file, before, report, paths.contains(file));
      }
    } finally {
      progress.end();
    }
    return report;
  }

  private long importFile(Path file, long before, ImportReport report, boolean named) throws IOException {
    String name = file.toString();
    try (CountingInputStream raw = new CountingInputStream(Files.newInputStream(file));
        InputStream in = decompressed(raw)) {
      Optional<InputFormat> format = options.format().isPresent() ? options.format() : detect(file, in);
      if (format.isEmpty()) {
        if (named) {
          throw new BadInputException(name, "not in a format paperlens can import (use --format to say which)");
        }
        report.skip(name, "not in a format paperlens can import");
        return before + Files.size(file);
      }
      RecordReader reader = format.get().reader(options.datasetName());
      Batcher batcher = new Batcher(report, raw, before, name);
      try {
        reader.read(name, in, batcher::add);
      } finally {
        batcher.flush(); // records read before a bad spot are kept
      }
      return before + raw.count();
    } catch (EOFException | ZipException e) {
      throw new BadInputException(name, "the file is truncated or corrupt (" + e.getMessage() + ")", e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Optional<InputFormat> detect(Path file, InputStream in) throws IOException {
    if (file.getFileName().toString().endsWith(".abs")) {
      return InputFormat.byName("abs");
    }
    return InputFormat.sniff(file, in);
  }

  /** gzip is recognised by its magic number, not the file name. */
  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  private static List<Path> expand(List<Path> paths, ImportReport report) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(p, new TreeWalk(p, found, report));
        found.sort(null);
        files.addAll(found);
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new BadInputException(p.toString(), Files.exists(p) ? "not a regular file" : "no such file or directory");
      }
    }
    return files;
  }

  /**
   * The files of a directory tree worth opening. Whatever else is in it is reported and passed
   * over: a subdirectory that cannot be read, a dangling link, a link to a directory (not
   * followed, so a tree cannot loop), and pipes, sockets and devices, which are never opened
   * because opening a pipe nobody writes to blocks for ever. Hidden files are passed over silently.
   */
  private static final class TreeWalk extends SimpleFileVisitor<Path> {
    private final Path root;
    private final List<Path> files;
    private final ImportReport report;

    TreeWalk(Path root, List<Path> files, ImportReport report) {
      this.root = root;
      this.files = files;
      this.report = report;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (file.getFileName().toString().startsWith(".")) {
        return FileVisitResult.CONTINUE;
      }
      if (attrs.isRegularFile()) {
        files.add(file);
      } else if (attrs.isSymbolicLink()) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        } else if (!Files.exists(file)) {
          report.skip(file.toString(), "a dangling symbolic link");
        } else if (Files.isDirectory(file)) {
          report.skip(file.toString(), "a link to a directory (not followed)");
        } else {
          report.skip(file.toString(), "a link to something that is not a regular file: not opened");
        }
      } else {
        report.skip(file.toString(), "not a regular file (a pipe, socket or device): not opened");
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
      return unreadable(file, e);
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
      return e == null ? FileVisitResult.CONTINUE : unreadable(dir, e);
    }

    /** The directory named on the command line must be readable; one inside it is reported and passed over. */
    private FileVisitResult unreadable(Path path, IOException e) throws IOException {
      String why = e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage());
      if (path.equals(root)) {
        throw new BadInputException(path.toString(), "cannot read the directory (" + why + ")", e);
      }
      report.skip(path.toString(), "cannot read the directory (" + why + ")");
      return FileVisitResult.CONTINUE;
    }
  }

  /** Collects records into transactions of {@code batchSize} and keeps the progress bar moving. */
  private final class Batcher {
    private final ImportReport report;
    private final CountingInputStream raw;
    private final long before;
    private final String name;
    private final List<SourceRecord> batch = new ArrayList<>();

    Batcher(ImportReport report, CountingInputStream raw, long before, String name) {
      this.report = report;
      this.raw = raw;
      this.before = before;
      this.name = name;
    }

    void add(SourceRecord record) {
      batch.add(record);
      if (batch.size() >= options.batchSize()) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      store.write(w -> {
        RecordApplier.apply(w, batch, report);
        return null;
      });
      batch.clear();
      progress.advanceTo(before + raw.count(), String.format("%,d records, %s", report.read(), name));
    }
  }
}
