package org.paperlens.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SharedPageTest {

  private static final String GAP = SharedPage.TOKEN_GAP;
  private static final String BODY = "<p>Évaluation ∑ papers of the day</p>".repeat(3_000);
  private static final String TOKEN = "Tok3n_abcdefghijklmnopqrstuvwxyz0123456789AB";

  @Test
  void the_streamed_page_is_byte_for_byte_the_rendered_page_with_the_token_in_every_gap() throws IOException {
    for (String html : pages(BODY)) {
      byte[] expected = html.replace(GAP, TOKEN).getBytes(StandardCharsets.UTF_8);
      for (int buffer : new int[] {1, 7, 1_500, 32_768}) {
        assertThat(readAll(SharedPage.of(html).stream(TOKEN), buffer)).as("buffer " + buffer).isEqualTo(expected);
      }
    }
  }

  @Test
  void the_gzip_stream_unpacks_to_the_same_bytes() throws IOException {
    for (String html : pages(BODY)) {
      byte[] expected = html.replace(GAP, TOKEN).getBytes(StandardCharsets.UTF_8);
      byte[] gzipped = readAll(SharedPage.of(html).gzipStream(TOKEN), 32_768);
      assertThat(readAll(new GZIPInputStream(new ByteArrayInputStream(gzipped)), 4_096)).isEqualTo(expected);
      if (BODY.equals(html)) {
        assertThat(gzipped.length).as("compressed").isLessThan(expected.length / 10);
      }
    }
  }

  @Test
  void a_read_fills_the_whole_buffer_across_the_token_so_the_first_write_decides_compression() throws IOException {
    String html = "<head><meta content=\"" + GAP + "\"></head>" + "x".repeat(5_000);
    byte[] buffer = new byte[2_000];
    assertThat(SharedPage.of(html).stream(TOKEN).read(buffer, 0, buffer.length)).isEqualTo(2_000);
  }

  /** Pages with the gap in the head and a form, at both ends, nowhere, alone; and the empty page. */
  private static String[] pages(String body) {
    return new String[] {"<head><meta content=\"" + GAP + "\"></head>" + body + "<input value=\"" + GAP + "\">",
        GAP + body + GAP, body, GAP, ""};
  }

  private static byte[] readAll(InputStream in, int buffer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = new byte[buffer];
    for (int n; (n = in.read(b, 0, b.length)) >= 0; ) {
      out.write(b, 0, n);
    }
    return out.toByteArray();
  }
}
