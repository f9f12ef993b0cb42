package org.paperlens.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.paperlens.common.BadInputException;

/**
 * The line loop every JSON Lines format shares: numbering lines for messages, skipping blank
 * lines, and telling a bad record from a bad file.
 *
 * <p>A line that is not a JSON object is a malformed record, except in two places: the first
 * line (the file is not JSON Lines at all) and the last line (the file was cut off mid-record).
 * Both of those are whole-input errors. A line longer than {@link RecordLimits#MAX_RECORD_BYTES}
 * is a malformed record wherever it is, read past without being held.
 */
final class JsonLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  static void read(String name, InputStream in, Consumer<SourceRecord> sink,
      BiFunction<String, JsonNode, SourceRecord> parse) throws IOException {
    BoundedLines lines = new BoundedLines(in, RecordLimits.MAX_RECORD_BYTES);
    boolean seenRecord = false;
    SourceRecord.Malformed pending = null;
    BoundedLines.Line line;
    while ((line = lines.next()) != null) {
      if (line instanceof BoundedLines.Text t && t.text().isBlank()) {
        continue;
      }
      if (pending != null) {
        sink.accept(pending); // a bad line with more after it: one bad record, not a cut-off file
        pending = null;
      }
      String where = name + ":" + line.number();
      String problem;
      switch (line) {
        case BoundedLines.TooLong tooLong -> {
          sink.accept(new SourceRecord.Malformed(where, String.format("a line of %,d bytes, longer than the %,d allowed",
              tooLong.bytes(), RecordLimits.MAX_RECORD_BYTES)));
          continue;
        }
        case BoundedLines.Text text -> {
          try {
            JsonNode node = JSON.readTree(text.text());
            if (node != null && node.isObject()) {
              seenRecord = true;
              sink.accept(parse.apply(where, node));
              continue;
            }
            problem = "not a JSON object";
          } catch (JsonProcessingException e) {
            problem = "invalid JSON: " + e.getOriginalMessage();
          }
        }
      }
      if (!seenRecord) {
        throw new BadInputException(where, "not JSON Lines (" + problem + ")");
      }
      pending = new SourceRecord.Malformed(where, problem);
    }
    if (pending != null) {
      throw new BadInputException(pending.where(),
          "the input ends in the middle of a record (truncated file?): " + pending.reason());
    }
  }
}
