package org.paperlens.community;

import java.time.Instant;
import org.paperlens.paper.PaperId;

/** A paper someone submitted, with their comment (null when none). */
public record Submission(PaperId paperId, String submitter, String comment, Instant at) {}
