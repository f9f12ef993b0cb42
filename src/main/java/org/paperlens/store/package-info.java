/**
 * The storage seam: the one place that holds JDBC connections, runs transactions, caches prepared
 * statements, maps {@link java.sql.SQLException} to {@link org.paperlens.store.StoreException}, and
 * knows which engine it talks to ({@link org.paperlens.store.Dialect}: SQLite or PostgreSQL). The
 * feature stores ({@code CatalogueStore}, {@code AccountStore}, ...) write their SQL against a
 * {@link org.paperlens.store.Tx}; nothing outside this package sees a {@code Connection}.
 */
package org.paperlens.store;
