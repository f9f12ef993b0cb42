package org.paperlens.citation;

/** Citations a work received in one calendar year (OpenAlex's {@code counts_by_year}, its last ten years). */
public record YearCount(int year, int citations) {}
