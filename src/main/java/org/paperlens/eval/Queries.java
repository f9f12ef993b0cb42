package org.paperlens.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperlens.common.BadInputException;

/** Benchmark queries (id and text), in the order of their file. Immutable. */
public final class Queries {

  /** One query: its id in the qrels and the text given to the retriever. */
  public record Query(String id, String text) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final List<Query> all;

  private Queries(String source, List<Query> all) {
    this.source = source;
    this.all = List.copyOf(all);
  }

  /**
   * Queries given directly; {@code source} names them in messages.
   *
   * @throws IllegalArgumentException when two queries share an id
   */
  public static Queries of(String source, List<Query> queries) {
    Set<String> seen = new HashSet<>();
    for (Query q : queries) {
      if (!seen.add(q.id())) {
        throw new IllegalArgumentException(source + ": query id " + q.id() + " appears twice");
      }
    }
    return new Queries(source, queries);
  }

  /**
   * Reads BEIR's {@code queries.jsonl}: one JSON object per line with {@code _id} and
   * {@code text}; other fields are ignored.
   *
   * @throws BadInputException naming every bad line: not JSON, no {@code _id}, no text, or an
   *     id seen before
   */
  public static Queries read(Path file) throws IOException {
    Map<String, Query> byId = new LinkedHashMap<>();
    TextLines.read(file, (number, line) -> {
      Query q = parse(line);
      if (byId.putIfAbsent(q.id(), q) != null) {
        throw new TextLines.BadLine("query id " + q.id() + " appears twice");
      }
    });
    if (byId.isEmpty()) {
      throw new BadInputException(file.toString(), "no queries");
    }
    return new Queries(file.toString(), new ArrayList<>(byId.values()));
  }

  private static Query parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new TextLines.BadLine("invalid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new TextLines.BadLine("not a JSON object");
    }
    String id = scalar(node.get("_id"));
    String text = scalar(node.get("text"));
    if (id == null || id.isBlank()) {
      throw new TextLines.BadLine("no _id");
    }
    if (text == null || text.isBlank()) {
      throw new TextLines.BadLine("query " + id + " has no text");
    }
    return new Query(id, text);
  }

  /** BEIR writes ids as strings, but a number is an id too. */
  private static String scalar(JsonNode value) {
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  public List<Query> all() {
    return all;
  }

  public int size() {
    return all.size();
  }

  /**
   * Only the queries that have judgements, in this file's order: the ones a benchmark is scored
   * on (SciFact's test split uses 300 of its 1,109 queries).
   *
   * @throws BadInputException when a judged query has no text here: it could not be run, and
   *     scoring it as 0 would hide a mismatch between the two files
   */
  public Queries restrictTo(Qrels qrels) throws BadInputException {
    List<Query> judged = all.stream().filter(q -> qrels.queryIds().contains(q.id())).toList();
    if (judged.size() < qrels.queryCount()) {
      Set<String> missing = new LinkedHashSet<>(qrels.queryIds());
      judged.forEach(q -> missing.remove(q.id()));
      throw new BadInputException(source, missing.size() + " judged queries have no text here, e.g. "
          + missing.stream().limit(5).toList());
    }
    return new Queries(source + " (judged only)", judged);
  }
}
