package org.paperlens.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a harvest of one repository (and set) stands, stored in {@code ingest_state} in the same
 * transaction as the records it covers, so it can never claim more or less than was committed.
 *
 * @param nextFrom where the next list starts when none is open: the day the last complete list
 *     began (OAI {@code from} is inclusive and merging idempotent, so overlap costs nothing and
 *     a record changed during that harvest is never missed)
 * @param open a list being paged through, when a harvest stopped before its end
 */
record HarvestCursor(Optional<LocalDate> nextFrom, Optional<OpenList> open) {

  /**
   * A list in progress.
   *
   * @param token the resumption token for the next page not yet committed
   * @param startedOn the UTC day of the list's first response
   */
  record OpenList(String prefix, Optional<LocalDate> from, Optional<LocalDate> until, String token, LocalDate startedOn) {}

  static final HarvestCursor EMPTY = new HarvestCursor(Optional.empty(), Optional.empty());

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The {@code ingest_state} name: one cursor per repository and set. */
  static String key(URI baseUrl, Optional<String> set) {
    return "oai-pmh " + baseUrl + set.map(s -> " set=" + s).orElse("");
  }

  HarvestCursor opened(OpenList list) {
    return new HarvestCursor(nextFrom, Optional.of(list));
  }

  /** The list ended: the next one starts at {@code from}, unless an earlier harvest already got further. */
  HarvestCursor completed(LocalDate from) {
    LocalDate next = nextFrom.filter(n -> n.isAfter(from)).orElse(from);
    return new HarvestCursor(Optional.of(next), Optional.empty());
  }

  String toJson() {
    ObjectNode root = JSON.createObjectNode();
    nextFrom.ifPresent(d -> root.put("nextFrom", d.toString()));
    open.ifPresent(o -> {
      ObjectNode list = root.putObject("open");
      list.put("prefix", o.prefix());
      o.from().ifPresent(d -> list.put("from", d.toString()));
      o.until().ifPresent(d -> list.put("until", d.toString()));
      list.put("token", o.token());
      list.put("startedOn", o.startedOn().toString());
    });
    return root.toString();
  }

  static HarvestCursor fromJson(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      Optional<OpenList> open = Optional.ofNullable(root.get("open")).map(o -> new OpenList(
          o.get("prefix").asText(), date(o, "from"), date(o, "until"), o.get("token").asText(),
          LocalDate.parse(o.get("startedOn").asText())));
      return new HarvestCursor(date(root, "nextFrom"), open);
    } catch (JsonProcessingException | RuntimeException e) {
      // Only this class writes the value; if it is unreadable, harvesting everything again is safe.
      return EMPTY;
    }
  }

  private static Optional<LocalDate> date(JsonNode node, String field) {
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(LocalDate.parse(n.asText()));
  }
}
