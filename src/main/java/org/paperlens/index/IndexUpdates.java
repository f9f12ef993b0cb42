package org.paperlens.index;

import java.util.List;

/**
 * The write side of a live search index: changes applied in place, with no rebuild, made
 * searchable by {@link #refresh} and durable by {@link #commit}. Any engine that can update
 * documents by id can implement it.
 *
 * <p>The index keeps the catalogue position it covers (its watermark): after a restart, the
 * updater asks {@link #durableSeq} and re-applies every change after it, so a crash at any point
 * loses nothing. Applying a change twice is harmless (a put replaces the paper's document).
 */
public interface IndexUpdates {

  /** Applies the changes; they cover every catalogue change numbered up to {@code upToSeq}. */
  void apply(List<IndexChange> changes, long upToSeq);

  /** Makes everything applied so far searchable; returns what searches now see. */
  IndexCoverage refresh();

  /** Makes everything applied so far survive a crash. */
  void commit();

  /** The watermark of the last commit: where catching up starts after a restart. */
  long durableSeq();

  /** The watermark of everything applied so far, committed or not: where the next catch-up starts. */
  long appliedSeq();
}
