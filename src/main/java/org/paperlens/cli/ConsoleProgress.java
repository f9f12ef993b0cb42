package org.paperlens.cli;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.paperlens.common.Progress;

/**
 * Progress for people: a redrawn bar with rate and ETA on a terminal, and a plain line every
 * {@value #LINE_SECONDS} seconds when output goes to a log (where a redrawn bar is noise).
 */
final class ConsoleProgress implements Progress {

  private static final int LINE_SECONDS = 5;
  private static final long MIN_TOTAL_FOR_BAR = 1 << 20;

  private final PrintWriter err;
  private final boolean terminal;
  private ProgressBar bar;
  private String task;
  private long total;
  private long startNanos;
  private long lastLineNanos;

  private ConsoleProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  static Progress forTerminal(PrintWriter err) {
    return new ConsoleProgress(err, isTerminal());
  }

  /** On JDK 22+ a console exists even when redirected, so ask it; on 21 its presence says enough. */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public void begin(String task, long total, String unit) {
    this.task = task;
    this.total = total;
    this.startNanos = System.nanoTime();
    this.lastLineNanos = startNanos;
    if (terminal && total >= MIN_TOTAL_FOR_BAR) {
      ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
          .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS);
      if (unit.equals("bytes")) {
        b.setUnit(" MiB", 1 << 20);
      }
      bar = b.build();
    }
  }

  @Override
  public void advanceTo(long done, String detail) {
    if (bar != null) {
      bar.stepTo(done);
      bar.setExtraMessage(detail.length() > 40 ? detail.substring(0, 40) : detail);
      return;
    }
    long now = System.nanoTime();
    if (now - lastLineNanos >= Duration.ofSeconds(LINE_SECONDS).toNanos()) {
      lastLineNanos = now;
      double elapsed = (now - startNanos) / 1e9;
      String eta = "";
      if (total > 0 && done > 0) {
        double remaining = elapsed * (total - done) / done;
        eta = String.format(", %.0f%%, ETA %ds", 100.0 * done / total, Math.round(remaining));
      }
      err.printf("%s: %s, %.0f s%s%n", task, detail, elapsed, eta);
      err.flush();
    }
  }

  @Override
  public void end() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
