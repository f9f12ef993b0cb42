/**
 * Subscriptions and e-mail digests: double opt-in subscribing ({@link org.paperlens.digest.Subscriptions}),
 * schedules in the subscriber's time zone ({@link org.paperlens.digest.Cadence}), building digests
 * from what is new since the last one ({@link org.paperlens.digest.DigestPlanner}), an outbox with
 * per-recipient state that survives a killed process ({@link org.paperlens.digest.OutboxSender}),
 * and SMTP through Jakarta Mail ({@link org.paperlens.digest.SmtpMailer}). The SQL is in
 * {@link org.paperlens.digest.SubscriptionStore} and {@link org.paperlens.digest.OutboxStore}, on
 * the catalogue's database connection. No HTTP here: the web
 * package maps routes onto these classes.
 */
package org.paperlens.digest;
