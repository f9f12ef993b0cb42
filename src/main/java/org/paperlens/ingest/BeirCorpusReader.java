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

  private final String scheme;

  BeirCorpusReader(String scheme) {
    this.scheme = scheme;
  }

  @Override
  public void read(String name, InputStream in, Consumer<SourceRecord> sink) throws IOException {
    JsonLines.read(name, in, sink, this::toRecord);
  }

  private SourceRecord toRecord(String where, JsonNode node) {
    String id = ArxivJsonLinesReader.text(node, "_id");
    if (id == null || id.isBlank()) {
      return new SourceRecord.Malformed(where, "no _id");
    }
    String title = PaperText.inline(ArxivJsonLinesReader.text(node, "title"));
    String text = PaperText.paragraphs(ArxivJsonLinesReader.text(node, "text"));
    if (title == null && text == null) {
      return new SourceRecord.Malformed(where, "neither title nor text");
    }
    Paper paper = Paper.builder(PaperId.of(scheme, id))
        .title(title)
        .abstractText(text)
        .source("beir-" + scheme)
        .build();
    return new SourceRecord.Found(paper, where);
  }
}
