package org.paperlens.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.paperlens.common.BadInputException;

/**
 * An HTTP response saved as a JSON object {@code {url, status_code, body}}: how arxiv.py's test
 * suite records the arXiv API, and a simple way to keep API traffic for replaying later.
 *
 * @param url the request, or null when not recorded
 * @param status the HTTP status code
 */
record RecordedResponse(String url, int status, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A recorded API page of 2,000 entries (the API's largest) is about 5 MB. */
  static final int MAX_BYTES = 32 << 20;

  static RecordedResponse read(String name, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new BadInputException(name, String.format("a recorded API response larger than %,d bytes", MAX_BYTES));
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new BadInputException(name, "not a recorded API response (invalid JSON: " + e.getOriginalMessage() + ")", e);
    }
    if (node == null || !node.isObject() || !node.path("status_code").canConvertToInt()
        || !node.path("body").isTextual()) {
      throw new BadInputException(name,
          "not a recorded API response (expected a JSON object with status_code and body)");
    }
    JsonNode url = node.get("url");
    return new RecordedResponse(url == null || url.isNull() ? null : url.asText(),
        node.get("status_code").asInt(), node.get("body").asText());
  }
}
