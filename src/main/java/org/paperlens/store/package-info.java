/**
 * The storage seam, and the only package that imports {@code java.sql}: it holds the JDBC
 * connections ({@link org.paperlens.store.Database}), runs transactions, caches prepared statements,
 * maps {@link java.sql.SQLException} to {@link org.paperlens.store.StoreException} in one place, and
 * knows the engine ({@link org.paperlens.store.Dialect}: SQLite or PostgreSQL). It knows no feature:
 * schema steps written in Java ({@link org.paperlens.store.Migration}) are handed to it by their owners.
 *
 * <p>The convention every feature store follows:
 * <ul>
 *   <li>A store owns its feature's tables and is the only code with SQL about them; it never names
 *       another feature's table. What it needs from another feature it asks that feature's store, and
 *       Java above the stores combines the answers.
 *   <li>It gets its transactions from a {@link org.paperlens.store.Database}
 *       ({@code db.transaction(tx -> ...)}) and reads rows through {@link org.paperlens.store.Row}
 *       and {@link org.paperlens.store.RowReader}, never JDBC types.
 *   <li>Its public instance methods each run one transaction of their own. Its public static methods
 *       that take a {@link org.paperlens.store.Tx} run its SQL inside a caller's transaction: how one
 *       feature's change joins another's atomically (an account deleted with all it owns, a vector
 *       stamped with the catalogue's change number).
 *   <li>Several {@code Database} instances on one URL are for concurrency only (the server's
 *       pipeline has its own, so its long scans never hold up page reads).
 * </ul>
 */
package org.paperlens.store;
