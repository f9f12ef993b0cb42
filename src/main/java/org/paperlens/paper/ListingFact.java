package org.paperlens.paper;

import java.time.LocalDate;

/**
 * The little a ranking of many papers needs from the catalogue, without reading whole rows: when
 * a paper was first listed and whether it links code ({@link CodeLinks}, the {@code has_code} column).
 */
public record ListingFact(PaperId id, LocalDate firstListed, boolean hasCode) {}
