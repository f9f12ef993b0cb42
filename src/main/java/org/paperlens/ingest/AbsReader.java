package org.paperlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperText;

/**
 * arXiv's own metadata files, one {@code .abs} file per paper version, as in arXiv's
 * {@code ftp/<archive>/papers/<yymm>/} (the latest version) and {@code orig/} (earlier versions,
 * named {@code 9709111v1.abs}) trees. Layout and field rules are in {@link AbsFile}.
 *
 * <p>A file is one record, so a file that is not an {@code .abs} record is a malformed record,
 * not a bad input: one broken file in a tree of thousands is skipped and reported.
 */
final class AbsReader implements RecordReader {

  static final String SOURCE = "arxiv-abs";

  /** Real records are a few kB (the largest, with a thousand authors, about 20 kB). */
  private static final int MAX_BYTES = RecordLimits.MAX_RECORD_BYTES;

  /** The version in an {@code orig/} file name: {@code 9709111v2.abs}, {@code 0704.0615v3.abs}. */
  private static final Pattern VERSIONED_NAME = Pattern.compile("v(\\d{1,4})\\.abs$");

  @Override
  public void read(String name, InputStream in, Consumer<SourceRecord> sink) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      sink.accept(new SourceRecord.Malformed(name, "larger than " + MAX_BYTES + " bytes: not an .abs record"));
      return;
    }
    sink.accept(toRecord(name, decode(bytes)));
  }

  private static SourceRecord toRecord(String name, String text) {
    AbsFile abs;
    try {
      abs = AbsFile.parse(text);
    } catch (IllegalArgumentException e) {
      return new SourceRecord.Malformed(name, e.getMessage());
    }
    Optional<ArxivId> id = ArxivId.parse(abs.field("arXiv"));
    if (id.isEmpty()) {
      return new SourceRecord.Malformed(name, "missing or unrecognised arXiv id '" + abs.field("arXiv") + "'");
    }
    String title = PaperText.inline(abs.field("Title"));
    if (title == null) {
      return new SourceRecord.Malformed(name, "no Title");
    }
    List<String> dates = abs.dates();
    if (dates.isEmpty()) {
      return new SourceRecord.Malformed(name, "no Date");
    }
    int version = dates.size(); // the first submission, then one "Date (revised vN)" per later version
    Matcher named = VERSIONED_NAME.matcher(name);
    if (named.find() && Integer.parseInt(named.group(1)) != version) {
      return new SourceRecord.Malformed(name,
          "the file name says v" + named.group(1) + " but the record lists " + version + " version(s)");
    }
    try {
      LocalDate submitted = ArxivDates.fromRfc1123(AbsFile.withoutSize(dates.getFirst()));
      LocalDate updated = ArxivDates.fromRfc1123(AbsFile.withoutSize(dates.getLast()));
      Paper paper = Paper.builder(id.get().id())
          .version(version)
          .title(title)
          .abstractText(PaperText.paragraphs(abs.abstractText()))
          .authors(AuthorList.split(abs.field("Authors")))
          .categories(ArxivJsonLinesReader.categoryList(abs.field("Categories")))
          .submitted(submitted)
          .updated(updated)
          .comment(PaperText.inline(abs.field("Comments")))
          .journalRef(PaperText.inline(abs.field("Journal-ref")))
          .doi(PaperText.inline(abs.field("DOI")))
          .absUrl(id.get().absUrl())
          .pdfUrl(id.get().pdfUrl())
          .source(SOURCE)
          .build();
      return new SourceRecord.Found(paper, name);
    } catch (DateTimeParseException e) {
      return new SourceRecord.Malformed(name, "bad date '" + e.getParsedString() + "'");
    }
  }

  /**
   * UTF-8, or ISO-8859-1 for the older files that arXiv wrote in it: decoding those as UTF-8
   * would replace their accented letters, and the catalogue never loses text.
   */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }
}
