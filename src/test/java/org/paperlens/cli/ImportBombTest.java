package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.ChildProcess;

/**
 * Decompression bombs, imported in a JVM whose heap is far smaller than what they expand to: the
 * bounded readers pass over the huge record and report it, and the import never dies of memory.
 */
class ImportBombTest {

  /** Each bomb expands to 256 MiB; the importing JVM gets 96 MiB of heap. */
  private static final long EXPANDED = 256L << 20;
  private static final List<String> SMALL_HEAP = List.of("-Xmx96m");

  @TempDir Path dir;

  @Test
  void a_gzip_bomb_of_one_huge_json_line_is_skipped_and_reported_and_the_next_line_imported() throws Exception {
    Path bomb = bomb("listing.jsonl.gz", "{\"id\":\"2501.00001\",\"title\":\"Huge\",\"summary\":\"", 'a',
        "\"}\n{\"id\":\"2501.00002\",\"title\":\"A Small Paper After the Bomb\",\"summary\":\"Fine.\","
            + "\"authors\":[\"Ann Example\"],\"categories\":[\"cs.LG\"],\"first_seen_listing_date\":\"2025-01-02\"}\n");

    Result r = importInSmallHeap(bomb);

    assertThat(r.code()).as(r.log()).isZero();
    assertThat(r.log()).contains("read 2: new 1", "skipped 1", "listing.jsonl.gz:1", "longer than")
        .doesNotContain("OutOfMemoryError", "\tat ");
  }

  @Test
  void a_gzip_bomb_of_oai_xml_with_a_huge_abstract_is_skipped_and_reported_and_the_next_record_imported() throws Exception {
    String header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-03-10T00:00:01Z</responseDate><ListRecords>
        <record><header><identifier>oai:arXiv.org:2603.00201</identifier><datestamp>2026-03-02</datestamp></header>
        <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2603.00201</id><title>Huge</title><abstract>""";
    String rest = """
        </abstract></arXiv></metadata></record>
        <record><header><identifier>oai:arXiv.org:2603.00202</identifier><datestamp>2026-03-02</datestamp></header>
        <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2603.00202</id><created>2026-03-01</created>
        <title>A Small Paper After the Bomb</title><abstract>Fine.</abstract></arXiv></metadata></record>
        </ListRecords></OAI-PMH>
        """;
    Result r = importInSmallHeap(bomb("page.xml.gz", header, 'a', rest));

    assertThat(r.code()).as(r.log()).isZero();
    assertThat(r.log()).contains("read 2: new 1", "skipped 1", "oai:arXiv.org:2603.00201", "larger than")
        .doesNotContain("OutOfMemoryError", "\tat ");
  }

  @Test
  void a_gzip_bomb_of_one_huge_xml_comment_stops_the_file_with_exit_3_and_a_message() throws Exception {
    String header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-03-10T00:00:01Z</responseDate><ListRecords>
        <!--""";
    Result r = importInSmallHeap(bomb("comment.xml.gz", header, 'a', "--></ListRecords></OAI-PMH>\n"));

    assertThat(r.code()).as(r.log()).isEqualTo(3);
    assertThat(r.log()).contains("bad input", "comment.xml.gz", "longer than").doesNotContain("OutOfMemoryError", "\tat ");
  }

  private record Result(int code, String log) {}

  private Result importInSmallHeap(Path file) throws Exception {
    Path log = dir.resolve(file.getFileName() + ".log");
    Process p = ChildProcess.start(log, Map.of(), SMALL_HEAP, "import", "--data", dir.resolve("data").toString(), file.toString());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the import finished").isTrue();
    return new Result(p.exitValue(), Files.readString(log));
  }

  /** {@code head}, then {@link #EXPANDED} bytes of {@code filler}, then {@code tail}, gzipped (about 250 kB). */
  private Path bomb(String name, String head, char filler, String tail) throws IOException {
    Path file = dir.resolve(name);
    byte[] block = new byte[1 << 16];
    Arrays.fill(block, (byte) filler);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < EXPANDED; written += block.length) {
        out.write(block);
      }
      out.write(tail.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
