package org.paperlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivDatesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "Fri, 1 Jan 1999 01:01:10 GMT", "Fri, 01 Jan 1999 01:01:10 GMT", "Fri, 1 Jan 1999 01:01 GMT",
      "1 Jan 1999 01:01:10 GMT", "Fri,  1 Jan 1999   1:01:10 GMT", "Fri, 1 Jan 1999 01:01:10"})
  void e_mail_style_dates_are_read_leniently(String written) {
    assertThat(ArxivDates.fromRfc1123(written)).isEqualTo(LocalDate.of(1999, 1, 1));
  }

  @Test
  void a_wrong_weekday_does_not_void_the_date() {
    // as in arXiv's 1208.9998.abs: 29 August 2012 was a Wednesday
    assertThat(ArxivDates.fromRfc1123("Thu, 29 Aug 2012 23:00:00 GMT")).isEqualTo(LocalDate.of(2012, 8, 29));
  }

  @Test
  void an_offset_moves_the_date_to_its_day_in_utc() {
    assertThat(ArxivDates.fromRfc1123("Fri, 1 Jan 1999 23:30:00 -0200")).isEqualTo(LocalDate.of(1999, 1, 2));
    assertThat(ArxivDates.fromIso("2016-05-26T17:59:46Z")).isEqualTo(LocalDate.of(2016, 5, 26));
    assertThat(ArxivDates.fromIso("2026-01-04T23:30:00-02:00")).isEqualTo(LocalDate.of(2026, 1, 5));
  }

  @Test
  void a_date_that_cannot_be_read_is_reported_as_written() {
    assertThatThrownBy(() -> ArxivDates.fromRfc1123("  sometime  in 1999"))
        .isInstanceOfSatisfying(DateTimeParseException.class,
            e -> assertThat(e.getParsedString()).isEqualTo("  sometime  in 1999"));
  }
}
