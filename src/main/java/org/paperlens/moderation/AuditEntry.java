package org.paperlens.moderation;

import java.time.Instant;

/**
 * One moderator action as the log keeps it.
 *
 * @param actor the moderator's name, or {@link Moderation#COMMAND_LINE} for a role granted from the command line
 * @param target what it was done to, in words ("comment 12", "submission 2401.00001 by alice", "account bob")
 * @param reason why, as the moderator gave it, or null
 */
public record AuditEntry(long id, Instant at, String actor, Action action, String target, String reason) {}
