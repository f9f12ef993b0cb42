package org.paperlens.citation;

import java.util.Optional;

/**
 * The other end of a citation edge (a reference or a citing paper), which need not be in any
 * catalogue: kept by its external ids, title and year so it can be shown as an external link now
 * and tied to a catalogue paper when that paper arrives. OpenAlex gives references as bare ids,
 * so title and year may be missing.
 */
public record LinkedWork(ExternalIds ids, Optional<String> title, Optional<Integer> year) {}
