package org.paperlens.paper;

import java.util.List;
import java.util.function.Consumer;
import org.paperlens.store.Tx;

/**
 * The catalogue's SQL that other stores run inside their own transactions (see the convention in
 * {@code org.paperlens.store}): the vector store stamps its rows with the catalogue's change number,
 * compares its text hashes with the papers' text, and merges its changes with the papers'.
 */
public final class CatalogueTx {

  private CatalogueTx() {}

  /**
   * This transaction's catalogue change number, taken from {@code catalogue_sequence} on first use
   * and the same for the rest of the transaction: every paper or vector row a transaction writes
   * is stamped with it (see the V7 migration). The counter row stays locked until commit on both
   * engines, so numbers commit in order: the live index catches up by sequence and must never see
   * N+1 before N. For the stores of derived rows (vectors) that share the sequence.
   */
  public static long changeNumber(Tx tx) {
    return tx.changeNumber("catalogue_sequence");
  }

  /**
   * Ids of the papers whose row changed with a number in ({@code after}, {@code upTo}], in id
   * order, from just after {@code afterId} (null: the start), at most {@code limit}; inside the
   * caller's transaction (the vector store merges its own changes in).
   */
  public static List<PaperId> changedPapers(Tx tx, long after, long upTo, PaperId afterId, int limit) {
    String id = tx.dialect().byteOrder("id");
    return tx.list("SELECT id FROM papers WHERE seq > ? AND seq <= ? AND " + id + " > ? ORDER BY " + id + " LIMIT ?",
        r -> new PaperId(r.getString(1)), after, upTo, afterId == null ? "" : afterId.value(), limit);
  }

  /**
   * The id, title, abstract and first listing day (null when never listed) of every paper not
   * deleted at its source, in no particular order, inside the caller's transaction: what the
   * vector store compares its text hashes with. {@code action} may run queries on {@code tx}
   * (not writes).
   */
  public static void forEachLiveText(Tx tx, Consumer<LiveText> action) {
    tx.forEach("SELECT id, title, abstract, first_listed FROM papers WHERE deleted_on IS NULL",
        r -> action.accept(new LiveText(new PaperId(r.getString(1)), r.getString(2), r.getString(3), r.getString(4))));
  }

  /** The papers deleted at their source, inside the caller's transaction: usually few. */
  public static List<PaperId> deleted(Tx tx) {
    return tx.list("SELECT id FROM papers WHERE deleted_on IS NOT NULL", r -> new PaperId(r.getString(1)));
  }

  /** What {@link #forEachLiveText} reports of a paper; {@code listed} is ISO text, or null. */
  public record LiveText(PaperId id, String title, String abstractText, String listed) {}
}
