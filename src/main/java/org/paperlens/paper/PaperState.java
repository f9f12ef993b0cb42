package org.paperlens.paper;

import java.time.LocalDate;

/**
 * A paper's catalogue row with what {@link Paper} leaves out: whether the source deleted it, and
 * the number of the change that last wrote it.
 *
 * @param deletedOn the day the source reported it deleted; null while it is live
 * @param seq the catalogue change number of its last write
 */
public record PaperState(Paper paper, LocalDate deletedOn, long seq) {
  public boolean live() {
    return deletedOn == null;
  }
}
