package org.paperlens.live;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.paperlens.common.Progress;
import org.paperlens.ingest.ImportReport;

/**
 * The server log's view of one watched file being imported: a line when it starts, then one at
 * most every {@code every} (10 s in a server) with the bytes read, the papers so far and the rate,
 * so a long import is never a silent log. Called on the importing thread only.
 */
final class ImportProgress implements Progress {

  private final String file;
  private final int index;
  private final int files;
  private final ImportReport report;
  private final Consumer<String> log;
  private final LongSupplier nanoTime;
  private final long everyNanos;
  private long start;
  private long lastLine;
  private long totalBytes;

  /**
   * @param index this file's number among the {@code files} that this scan imports (1-based)
   * @param nanoTime the clock (System::nanoTime; a test's own)
   */
  ImportProgress(String file, int index, int files, ImportReport report, Consumer<String> log, LongSupplier nanoTime,
      Duration every) {
    this.file = file;
    this.index = index;
    this.files = files;
    this.report = report;
    this.log = log;
    this.nanoTime = nanoTime;
    this.everyNanos = every.toNanos();
  }

  @Override
  public void begin(String task, long total, String unit) {
    start = nanoTime.getAsLong();
    lastLine = start;
    totalBytes = total;
    log.accept("importing " + which() + ", " + megabytes(total));
  }

  @Override
  public void advanceTo(long done, String detail) {
    long now = nanoTime.getAsLong();
    if (now - lastLine < everyNanos) {
      return;
    }
    lastLine = now;
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    String eta = totalBytes > 0 && done > 0 && done < totalBytes
        ? String.format(", about %s left", duration((totalBytes - done) * seconds / done)) : "";
    log.accept(String.format("importing %s: %d%% of %s, %,d records read, %,d papers new and %,d updated, %,.0f records/s%s",
        which(), totalBytes > 0 ? Math.min(100, 100 * done / totalBytes) : 0, megabytes(totalBytes), report.read(),
        report.added(), report.updated(), report.read() / seconds, eta));
  }

  @Override
  public void end() {}

  /** Seconds since {@link #begin}, for the closing line. */
  double seconds() {
    return (nanoTime.getAsLong() - start) / 1e9;
  }

  private String which() {
    return file + (files > 1 ? " (file " + index + " of " + files + ")" : "");
  }

  private static String megabytes(long bytes) {
    return bytes < 0 ? "size unknown" : String.format("%.1f MB", bytes / 1e6);
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 120 ? s + " s" : (s + 30) / 60 + " min";
  }
}
