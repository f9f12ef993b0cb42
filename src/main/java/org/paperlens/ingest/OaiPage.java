package org.paperlens.ingest;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one OAI-PMH response said besides its records: when it was made, how to ask for the next
 * page, and whether the request failed.
 *
 * @param responseDate when the repository produced the response; absent only in broken files
 * @param resumptionToken the token for the next page; empty when the list is complete (OAI-PMH
 *     sends an empty {@code <resumptionToken/>} on the last page, or none at all)
 * @param completeListSize how many records the whole list holds, when the repository says
 * @param cursor the position of this page's first record in the whole list, when given
 * @param error an OAI-PMH protocol error ({@code noRecordsMatch}, {@code badResumptionToken}, ...)
 * @param records how many {@code <record>} elements the page held
 */
public record OaiPage(
    Optional<Instant> responseDate,
    Optional<String> resumptionToken,
    OptionalLong completeListSize,
    OptionalLong cursor,
    Optional<Error> error,
    int records) {

  /** An OAI-PMH {@code <error code="...">message</error>}. */
  public record Error(String code, String message) {
    public static final String NO_RECORDS_MATCH = "noRecordsMatch";
    public static final String BAD_RESUMPTION_TOKEN = "badResumptionToken";

    @Override
    public String toString() {
      return message == null || message.isBlank() ? code : code + " (" + message + ")";
    }
  }

  /** True when no further page follows this one. */
  public boolean listComplete() {
    return resumptionToken.isEmpty();
  }
}
