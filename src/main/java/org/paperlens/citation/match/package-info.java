/**
 * Resolving a reference to a catalogue paper: by arXiv id, then DOI, then normalised title with
 * the year within one ({@link org.paperlens.citation.match.ReferenceMatcher}). The catalogue is
 * reached through {@link org.paperlens.citation.match.CatalogueLookup}, a three-method interface,
 * so the matcher does not depend on how or where papers are stored.
 * {@link org.paperlens.citation.match.BibReference} turns a reference known only by its BibTeX
 * metadata into a {@link org.paperlens.citation.LinkedWork}, finding the arXiv id and DOI that
 * its URL, DOI and journal fields hold.
 */
package org.paperlens.citation.match;
