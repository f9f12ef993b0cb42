/**
 * Accounts: sign-up and log-in with Argon2id password hashes, browser sessions and API tokens
 * (stored only as hashes), and the rate limits on log-ins, sign-ups and API tokens
 * ({@link org.paperlens.account.AccountLimits}). Deleting an account is one transaction that also
 * deletes what it owns in other features, each of which implements
 * {@link org.paperlens.account.AccountData} and is registered by the application root; this package
 * depends on none of them. No HTTP here; the web package turns these into cookies and headers.
 */
package org.paperlens.account;
