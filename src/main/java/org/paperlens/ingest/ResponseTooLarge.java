package org.paperlens.ingest;

import java.io.IOException;

/** A response body, as sent or unpacked, went past {@link FetchLimits#maxBytes()}; never retried. */
public final class ResponseTooLarge extends IOException {
  ResponseTooLarge(long limit, boolean unpacked) {
    super(String.format("the response is larger than %,d bytes%s", limit, unpacked ? " once unpacked" : ""));
  }
}
