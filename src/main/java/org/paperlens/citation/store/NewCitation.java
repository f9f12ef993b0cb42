package org.paperlens.citation.store;

import java.time.Instant;
import org.paperlens.paper.PaperId;

/** An edge between two catalogue papers that paperlens learnt of at {@code firstSeen}: what citation alerts are made of. */
public record NewCitation(PaperId citing, PaperId cited, Instant firstSeen) {}
