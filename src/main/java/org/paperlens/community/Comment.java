package org.paperlens.community;

import java.time.Instant;
import org.paperlens.paper.PaperId;

/**
 * A member's comment on a paper: plain text, as written.
 *
 * @param edited when its author last changed it, or null
 * @param hidden whether a moderator hid it (only moderators' lists hold hidden ones)
 */
public record Comment(long id, PaperId paperId, String author, String body, Instant created, Instant edited, boolean hidden) {}
