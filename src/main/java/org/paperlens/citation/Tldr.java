package org.paperlens.citation;

/**
 * A one-sentence summary written by a model, kept with where it came from because pages must mark
 * it as machine-written and say whose.
 *
 * @param model the source's name for the model, e.g. Semantic Scholar's {@code tldr@v2.0.0}
 */
public record Tldr(String text, SourceName source, String model) {}
