package org.paperlens.citation;

import java.util.List;
import java.util.Optional;

/**
 * One author of one work as a source identifies them: the name as printed on the paper, and where
 * the source has one, its author id (OpenAlex {@code A…}, Semantic Scholar's number), which tells
 * namesakes apart, and an ORCID, which links the same person across sources.
 *
 * @param orcid the bare ORCID ({@code 0000-0002-1825-0097}), not its URL
 */
public record Authorship(String name, Optional<String> authorId, Optional<String> orcid, List<Institution> institutions) {
  public Authorship {
    institutions = List.copyOf(institutions);
  }
}
