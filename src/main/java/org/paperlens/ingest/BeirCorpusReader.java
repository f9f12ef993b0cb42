package org.paperlens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.paper.PaperText;

/**
 * A BEIR {@code corpus.jsonl} ({@code _id, title, text}). Ids are namespaced by the data set
 * ({@code scifact:4983}) because BEIR ids are only unique within one corpus.
 */
final class BeirCorpusReader implements RecordReader {

  /** An id is part of every URL of the paper; BEIR's are a few characters. */
  private static final int MAX_ID = 200;

  private final String scheme;

  BeirCorpusReader(String scheme) {
    this.scheme = scheme;
  }

  @Override
  public void read(String name, InputStream in, Consumer<SourceRecord> sink) throws IOException {
    JsonLines.read(name, in, sink, this::toRecord);
  }

  private SourceRecord toRecord(String where, JsonNode node) {
    try {
      String id = JsonFields.id(node, "_id");
      if (id == null || id.isBlank()) {
        return new SourceRecord.Malformed(where, "no _id");
      }
      if (id.length() > MAX_ID || id.codePoints().anyMatch(Character::isISOControl)) {
        return new SourceRecord.Malformed(where, "an _id longer than " + MAX_ID + " characters or with control characters");
      }
      String title = PaperText.inline(JsonFields.string(node, "title"));
      String text = PaperText.paragraphs(JsonFields.string(node, "text"));
      if (title == null && text == null) {
        return new SourceRecord.Malformed(where, "neither title nor text");
      }
      Paper paper = Paper.builder(PaperId.of(scheme, id))
          .title(title)
          .abstractText(text)
          .source("beir-" + scheme)
          .build();
      return new SourceRecord.Found(paper, where);
    } catch (IllegalArgumentException e) {
      return new SourceRecord.Malformed(where, e.getMessage());
    }
  }
}
