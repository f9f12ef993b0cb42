package org.paperlens.account;

import org.paperlens.store.Tx;

/**
 * Data an account owns in another feature's tables (its library, votes, comments, subscriptions):
 * deleted with the account, inside the account's deleting transaction, so a deletion is all or
 * nothing. Owned here so the account package needs none of those features; each implements it for
 * its own tables and is registered from outside ({@link AccountStore#register}, by the
 * application root).
 */
@FunctionalInterface
public interface AccountData {

  /**
   * Deletes what {@code account} owns in this feature's tables, and whatever totals count it, inside
   * {@code tx}; runs before the account's own rows go. Throwing rolls the whole deletion back.
   */
  void deleteOf(Tx tx, Account account);
}
