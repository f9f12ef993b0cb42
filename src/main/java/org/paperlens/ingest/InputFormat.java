package org.paperlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The source formats {@code paperlens import} reads, and how to recognise each from its first bytes. */
public enum InputFormat {
  /** arXiv metadata as JSON Lines: the Kaggle snapshot schema or the daily-listing schema. */
  ARXIV_JSONL("arxiv-jsonl"),
  /** A BEIR corpus.jsonl; ids are namespaced by the data set name. */
  BEIR("beir"),
  /** An OAI-PMH response (ListRecords or GetRecord), metadata format arXiv or oai_dc. */
  OAI_PMH("oai-pmh"),
  /** An arXiv API response: an Atom feed, or one recorded as JSON {@code {url, status_code, body}}. */
  ATOM("atom"),
  /** An arXiv {@code .abs} metadata file: one version of one paper. */
  ABS("abs");

  /** An XML document whose first element is a {@code feed}, prefixed or not. */
  private static final Pattern FEED = Pattern.compile(
      "^(?:<\\?xml[^>]*\\?>\\s*)?(?:<!--.*?-->\\s*)*<(?:[\\w.-]+:)?feed[\\s>/]", Pattern.DOTALL);
  /** A recorded HTTP response whose body is XML. */
  private static final Pattern RECORDED_XML = Pattern.compile("\"body\"\\s*:\\s*\"<\\?xml");
  /** The dashed rule and the first {@code \\} line that every .abs file starts with. */
  private static final Pattern ABS_START = Pattern.compile("^-{10,}\\r?\\n\\\\\\\\\\r?\\n");

  private static final Pattern OAI_ROOT = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?" + OaiPmhReader.ROOT + "[\\s>]");

  private final String cliName;

  InputFormat(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  public static Optional<InputFormat> byName(String name) {
    return Arrays.stream(values()).filter(f -> f.cliName.equals(name.toLowerCase(Locale.ROOT))).findFirst();
  }

  /**
   * The reader for this format.
   *
   * @param datasetName the id scheme for sources without global ids (BEIR)
   */
  RecordReader reader(String datasetName) {
    return switch (this) {
      case ARXIV_JSONL -> new ArxivJsonLinesReader();
      case BEIR -> new BeirCorpusReader(datasetName);
      case OAI_PMH -> new OaiPmhReader();
      case ATOM -> new AtomReader();
      case ABS -> new AbsReader();
    };
  }

  /**
   * Recognises a format from a file's name and its first (decompressed) bytes, or returns empty.
   * The stream must support mark/reset; it is left at its start.
   */
  static Optional<InputFormat> sniff(Path file, InputStream in) throws IOException {
    in.mark(8192);
    byte[] head = in.readNBytes(8192);
    in.reset();
    String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
    if (FEED.matcher(text).find() || text.startsWith("{") && RECORDED_XML.matcher(text).find()) {
      return Optional.of(ATOM);
    }
    if (ABS_START.matcher(text).find()) {
      return Optional.of(ABS);
    }
    if (text.startsWith("{")) {
      int end = text.indexOf('\n');
      String firstLine = end < 0 ? text : text.substring(0, end);
      if (firstLine.contains("\"_id\"")) {
        return Optional.of(BEIR);
      }
      return Optional.of(ARXIV_JSONL);
    }
    // The root element may follow an XML declaration, comments or a stylesheet instruction.
    if (text.startsWith("<") && OAI_ROOT.matcher(text).find()) {
      return Optional.of(OAI_PMH);
    }
    return Optional.empty();
  }
}
