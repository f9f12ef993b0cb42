package org.paperlens.citation.store;

import java.util.Optional;
import org.paperlens.citation.SourceName;

/**
 * One person as a source identifies them.
 *
 * @param id paperlens's number for the identity (what author pages link by)
 * @param sourceId the source's author id (OpenAlex {@code A…}, Semantic Scholar's number)
 * @param name the name the source last gave
 * @param institution the affiliation on the identity's newest stored paper, if any
 */
public record AuthorIdentity(long id, SourceName source, String sourceId, String name, Optional<String> orcid,
    Optional<String> institution) {}
