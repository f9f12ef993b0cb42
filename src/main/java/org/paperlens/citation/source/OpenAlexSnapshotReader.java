package org.paperlens.citation.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.paperlens.citation.Work;

/**
 * Reads an OpenAlex snapshot's {@code works} partition ({@code updated_date=…/part_000.gz}, gzipped
 * JSON Lines, one work per line) into {@link Work}s, without any request: the bulk backfill for a
 * large catalogue.
 *
 * <p>Bad lines (not JSON, not a work, longer than the line limit) are counted and reported with
 * file and line, and skipped; a file whose gzip stream breaks off ends there, reported the same
 * way, and the next file is read. Memory is bounded by one line (at most {@code maxLineBytes}) and
 * the first {@value #KEPT_BAD_LINES} bad lines kept for the report; works go to the sink as read.
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class OpenAlexSnapshotReader {

  /** One line that could not be read, and why. */
  public record BadLine(Path file, long line, String reason) {}

  /**
   * @param firstBadLines the first bad lines in reading order, at most {@value #KEPT_BAD_LINES};
   *     {@code badLines} counts them all
   */
  public record Report(int files, long works, long badLines, List<BadLine> firstBadLines) {}

  static final int KEPT_BAD_LINES = 100;
  private static final ObjectMapper JSON = SemanticScholarPapers.strictJson();

  private final int maxLineBytes;
  private final LocalDate snapshotDay;
  // The read-ahead of the file being read: not thread-safe, one reader reads one partition at a time.
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkEnd;

  /**
   * @param maxLineBytes the longest line read; real works run to a few hundred kilobytes (long
   *     author lists), so 16 MB is generous
   * @param snapshotDay dates the citation counts of works that carry no {@code updated_date}
   */
  public OpenAlexSnapshotReader(int maxLineBytes, LocalDate snapshotDay) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("the line limit must be positive, was " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.snapshotDay = snapshotDay;
  }

  /**
   * Reads one {@code .gz} file, or every {@code .gz} file below a folder in name order.
   *
   * @throws IOException only when the path cannot be listed or a file cannot be opened, which is a
   *     wrong path, not bad data
   */
  public Report read(Path fileOrFolder, Consumer<Work> sink) throws IOException {
    return read(fileOrFolder, sink, n -> {});
  }

  /**
   * As {@link #read(Path, Consumer)}, telling {@code compressedBytes} how many bytes of this
   * path's files have been read so far (what progress and an ETA are measured in).
   */
  public Report read(Path fileOrFolder, Consumer<Work> sink, java.util.function.LongConsumer compressedBytes) throws IOException {
    List<Path> files = files(fileOrFolder);
    Tally tally = new Tally();
    long before = 0;
    for (Path f : files) {
      long offset = before;
      readFile(f, sink, tally, n -> compressedBytes.accept(offset + n));
      before += Files.size(f);
      compressedBytes.accept(before);
    }
    return new Report(files.size(), tally.works, tally.bad, List.copyOf(tally.firstBad));
  }

  /** The {@code .gz} files a path names: itself, or those below it in name order. */
  public static List<Path> files(Path fileOrFolder) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrFolder)) {
      try (Stream<Path> walk = Files.walk(fileOrFolder)) {
        walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".gz")).sorted().forEach(files::add);
      }
    } else if (Files.isRegularFile(fileOrFolder)) {
      files.add(fileOrFolder);
    } else {
      throw new IOException("no OpenAlex snapshot file or folder at " + fileOrFolder);
    }
    return files;
  }

  private void readFile(Path file, Consumer<Work> sink, Tally tally, java.util.function.LongConsumer bytes) throws IOException {
    long line = 0;
    chunkPos = 0;
    chunkEnd = 0;
    long[] read = {0};
    InputStream raw = new java.io.FilterInputStream(Files.newInputStream(file)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          read[0] += n;
        }
        return n;
      }
    };
    try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      while (true) {
        Line next = nextLine(in, buffer);
        if (next == Line.END) {
          return;
        }
        line++;
        if ((line & 1023) == 0) {
          bytes.accept(read[0]);
        }
        if (next == Line.TOO_LONG) {
          tally.bad(new BadLine(file, line, "longer than " + maxLineBytes + " bytes; skipped"));
          continue;
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
          continue;
        }
        try {
          sink.accept(OpenAlexWorks.parse(JSON.readTree(text), snapshotDay));
          tally.works++;
        } catch (JsonProcessingException e) {
          tally.bad(new BadLine(file, line, "not JSON: " + e.getOriginalMessage()));
        } catch (OpenAlexWorks.MalformedWork e) {
          tally.bad(new BadLine(file, line, e.getMessage()));
        }
      }
    } catch (java.io.EOFException | java.util.zip.ZipException e) {
      // A partition cut off in transfer: what came before is good, the rest is lost; say where.
      tally.bad(new BadLine(file, line + 1, "the gzip stream breaks off (" + e.getMessage() + "); the rest of the file is unread"));
    }
  }

  private enum Line { OK, TOO_LONG, END }

  /**
   * Reads up to the next newline into {@code buffer} (cleared first), never holding more than the
   * line limit: past it the line is skipped to its end and reported as too long.
   */
  private Line nextLine(InputStream in, ByteArrayOutputStream buffer) throws IOException {
    buffer.reset();
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (chunkPos == chunkEnd) {
        chunkEnd = in.read(chunk);
        chunkPos = 0;
        if (chunkEnd <= 0) {
          chunkEnd = 0;
          return tooLong ? Line.TOO_LONG : any ? Line.OK : Line.END;
        }
      }
      any = true;
      int start = chunkPos;
      while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') {
        chunkPos++;
      }
      int n = chunkPos - start;
      if (!tooLong && buffer.size() + n > maxLineBytes) {
        tooLong = true;
        buffer.reset();
      }
      if (!tooLong) {
        buffer.write(chunk, start, n);
      }
      if (chunkPos < chunkEnd) {
        chunkPos++; // the newline
        return tooLong ? Line.TOO_LONG : Line.OK;
      }
    }
  }

  private static final class Tally {
    long works;
    long bad;
    final List<BadLine> firstBad = new ArrayList<>();

    void bad(BadLine l) {
      bad++;
      if (firstBad.size() < KEPT_BAD_LINES) {
        firstBad.add(l);
      }
    }
  }
}
