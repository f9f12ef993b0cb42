/**
 * Moderation: members report comments, moderators and administrators hide and unhide comments and
 * submissions and suspend accounts, and every such action lands in an audit log that
 * administrators read. {@link org.paperlens.moderation.Moderation} checks who may do what and
 * runs each action with its audit row in one transaction through
 * {@link org.paperlens.moderation.ModerationStore} (reports and the log, its own tables); the
 * hidden and suspended marks live with what they mark, in the community and account stores, which
 * leave hidden and suspended things out of every list and count. Roles are granted from the
 * command line. No HTTP here.
 */
package org.paperlens.moderation;
