/**
 * Accounts: sign-up and log-in with Argon2id password hashes, browser sessions and API tokens
 * (stored only as hashes), and the rate limits on log-ins, sign-ups and API tokens
 * ({@link org.paperlens.account.AccountLimits}). No HTTP here; the web package
 * turns these into cookies and headers.
 */
package org.paperlens.account;
