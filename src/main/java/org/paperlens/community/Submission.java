package org.paperlens.community;

import java.time.Instant;
import org.paperlens.paper.PaperId;

/**
 * A paper someone submitted, with their comment (null when none).
 *
 * @param hidden whether a moderator hid it (only moderators' lists hold hidden ones)
 */
public record Submission(PaperId paperId, String submitter, String comment, Instant at, boolean hidden) {}
