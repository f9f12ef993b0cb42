package org.paperlens.citation;

import java.util.Optional;

/** An author's affiliation on one paper. {@code id} is the source's (OpenAlex {@code I…}); {@code ror} the ROR id URL. */
public record Institution(String name, Optional<String> id, Optional<String> ror) {}
