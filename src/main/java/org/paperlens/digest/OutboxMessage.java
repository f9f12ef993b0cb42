package org.paperlens.digest;

/**
 * One message in the outbox, rendered in full when it was planned, so sending needs nothing else
 * and a resend after a crash is byte-for-byte the same message with the same Message-ID.
 *
 * @param subscriptionId the subscription it serves (every message serves one)
 * @param slot the scheduled instant it was planned for (ISO-8601)
 * @param kind {@code digest} or {@code confirm}
 * @param unsubscribeUrl the one-click unsubscribe URL (RFC 8058), null for confirmation mails
 * @param state pending, sending, sent, failed or cancelled
 */
public record OutboxMessage(long id, long subscriptionId, String slot, String kind, String email, String messageId,
    String subject, String textBody, String htmlBody, String unsubscribeUrl, String state, int attempts) {}
