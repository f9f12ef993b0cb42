package org.paperlens.common;

/**
 * Where long-running work (import, embedding, indexing) reports how far it has got. The CLI draws a bar with rate and
 * ETA; tests and servers pass {@link #NONE}.
 */
public interface Progress {

  Progress NONE = new Progress() {
    @Override public void begin(String task, long total, String unit) {}
    @Override public void advanceTo(long done, String detail) {}
    @Override public void end() {}
  };

  /** Starts a task of {@code total} units ({@code -1} when unknown). */
  void begin(String task, long total, String unit);

  /** Reports the absolute amount done so far, with a short status (e.g. records read). */
  void advanceTo(long done, String detail);

  void end();
}
