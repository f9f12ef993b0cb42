package org.paperlens.citation.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Doi;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.Work;
import org.paperlens.citation.source.OpenAlexSnapshotReader.BadLine;
import org.paperlens.paper.PaperId;

/**
 * A snapshot partition written by the test: the checked-in JSON Lines
 * ({@code citation/openalex/works-part.jsonl}, hand-written in the works schema) gzipped into the
 * snapshot's folder layout.
 */
class OpenAlexSnapshotReaderTest {

  @TempDir
  Path dir;

  private static final LocalDate SNAPSHOT_DAY = LocalDate.of(2026, 11, 30);

  @Test
  void a_partition_reads_into_works_and_reports_each_bad_line_with_file_and_line() throws IOException {
    Path part = gzip(dir.resolve("works/updated_date=2025-06-30/part_000.gz"), Fixtures.text("openalex/works-part.jsonl"));
    List<Work> works = new ArrayList<>();
    OpenAlexSnapshotReader.Report report = new OpenAlexSnapshotReader(1 << 20, SNAPSHOT_DAY).read(dir.resolve("works"), works::add);

    assertThat(report.files()).isEqualTo(1);
    assertThat(report.works()).isEqualTo(3);
    assertThat(report.badLines()).isEqualTo(3);
    assertThat(report.firstBadLines()).extracting(BadLine::file, BadLine::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple(part, 2L), org.assertj.core.groups.Tuple.tuple(part, 3L),
        org.assertj.core.groups.Tuple.tuple(part, 6L));
    assertThat(report.firstBadLines().get(0).reason()).startsWith("not JSON");
    assertThat(report.firstBadLines().get(1).reason()).isEqualTo("a work without an OpenAlex id (W…)");
    assertThat(report.firstBadLines().get(2).reason()).isEqualTo("referenced_works must be an array, was STRING");

    assertThat(works).extracting(w -> w.ids().openAlex().orElseThrow()).containsExactly("W4390000001", "W3000000009", "W3000000011");
    Work first = works.get(0);
    assertThat(first.ids().arxiv()).contains(new PaperId("2401.01234"));
    assertThat(first.ids().doi()).contains(new Doi("10.48550/arxiv.2401.01234"));
    // The work says when OpenAlex last updated it, which dates its count better than the snapshot's day.
    assertThat(first.citationCount()).contains(new CitationCount(42, Optional.empty(), LocalDate.of(2025, 6, 30)));
    assertThat(first.references().listed()).extracting(r -> r.ids().openAlex().orElseThrow()).containsExactly("W2000000001", "W2000000002");
    assertThat(first.authorships()).singleElement().satisfies(a -> assertThat(a.orcid()).contains("0000-0002-1825-0097"));
    assertThat(works.get(1).venue()).contains("Journal of Invented Results");
    assertThat(works.get(1).citationCount()).contains(new CitationCount(7, Optional.empty(), SNAPSHOT_DAY));
    Work thesis = works.get(2);
    assertThat(thesis.ids().doi()).isEmpty();
    assertThat(thesis.venue()).isEmpty();
    assertThat(thesis.references().listed()).containsExactly(new LinkedWork(
        org.paperlens.citation.ExternalIds.NONE.withOpenAlex(Optional.of("W4390000001")), Optional.empty(), Optional.empty()));
  }

  @Test
  void a_line_past_the_limit_is_skipped_and_the_next_one_read() throws IOException {
    String small = "{\"id\": \"https://openalex.org/W1\", \"title\": \"Small One Here\"}";
    String huge = "{\"id\": \"https://openalex.org/W2\", \"title\": \"" + "long ".repeat(50_000) + "\"}";
    gzip(dir.resolve("part_000.gz"), small + "\n" + huge + "\n" + small.replace("W1", "W3"));
    List<Work> works = new ArrayList<>();
    OpenAlexSnapshotReader.Report report = new OpenAlexSnapshotReader(4096, SNAPSHOT_DAY).read(dir.resolve("part_000.gz"), works::add);
    assertThat(works).extracting(w -> w.ids().openAlex().orElseThrow()).containsExactly("W1", "W3");
    assertThat(report.firstBadLines()).singleElement().satisfies(b -> {
      assertThat(b.line()).isEqualTo(2);
      assertThat(b.reason()).isEqualTo("longer than 4096 bytes; skipped");
    });
  }

  @Test
  void a_file_cut_off_in_transfer_keeps_what_came_and_the_next_file_is_read() throws IOException {
    StringBuilder many = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      many.append("{\"id\": \"https://openalex.org/W").append(i).append("\", \"title\": \"Work number ").append(i)
          .append(" of a long partition\", \"cited_by_count\": ").append(i % 97).append("}\n");
    }
    byte[] whole = gzipped(many.toString());
    Files.createDirectories(dir.resolve("works"));
    Files.write(dir.resolve("works/part_000.gz"), Arrays.copyOf(whole, whole.length / 2));
    gzip(dir.resolve("works/part_001.gz"), "{\"id\": \"https://openalex.org/W99999\", \"title\": \"After The Break\"}\n");

    List<Work> works = new ArrayList<>();
    OpenAlexSnapshotReader.Report report = new OpenAlexSnapshotReader(1 << 20, SNAPSHOT_DAY).read(dir.resolve("works"), works::add);
    assertThat(report.files()).isEqualTo(2);
    assertThat(report.badLines()).isEqualTo(1);
    BadLine broken = report.firstBadLines().get(0);
    assertThat(broken.file()).isEqualTo(dir.resolve("works/part_000.gz"));
    assertThat(broken.reason()).startsWith("the gzip stream breaks off");
    // Every work before the break came through, in order, and the line number points just past them.
    long before = works.size() - 1;
    assertThat(before).isGreaterThan(100).isLessThan(2000);
    assertThat(works.subList(0, (int) before)).extracting(w -> w.ids().openAlex().orElseThrow())
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, before).mapToObj(i -> "W" + i).toList());
    assertThat(broken.line()).isGreaterThan(before);
    assertThat(works.get(works.size() - 1).title()).contains("After The Break");
  }

  @Test
  void a_path_that_is_not_there_is_a_configuration_error() {
    assertThatThrownBy(() -> new OpenAlexSnapshotReader(1 << 20, SNAPSHOT_DAY).read(dir.resolve("nowhere"), w -> {}))
        .isInstanceOf(IOException.class).hasMessageContaining("no OpenAlex snapshot file or folder at");
  }

  private static Path gzip(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, gzipped(text));
    return file;
  }

  private static byte[] gzipped(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
