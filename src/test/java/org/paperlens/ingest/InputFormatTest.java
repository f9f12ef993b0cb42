package org.paperlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.ingest.TestInputs.fixture;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputFormatTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "atom/two-entries.xml, ATOM",
      "atom/empty-feed.xml, ATOM",
      "atom/recorded-ok.json, ATOM",
      "abs/tree/ftp/cs/papers/2601/2601.00077.abs, ABS",
      "kaggle-sample.jsonl, ARXIV_JSONL",
      "listing-sample.jsonl, ARXIV_JSONL"})
  void a_format_is_recognised_from_the_first_bytes(String file, InputFormat expected) throws Exception {
    Path path = fixture(file);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
      assertThat(InputFormat.sniff(path, in)).contains(expected);
    }
  }

  @Test
  void xml_with_another_root_and_plain_text_are_not_recognised() throws Exception {
    assertThat(sniff("<?xml version=\"1.0\"?>\n<rss><channel/></rss>")).isEmpty();
    assertThat(sniff("hello")).isEmpty();
  }

  @Test
  void a_prefixed_feed_after_a_comment_is_still_a_feed() throws Exception {
    assertThat(sniff("<?xml version='1.0'?>\n<!-- saved -->\n<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">"))
        .contains(InputFormat.ATOM);
  }

  @Test
  void the_new_formats_have_command_line_names() {
    assertThat(InputFormat.byName("atom")).contains(InputFormat.ATOM);
    assertThat(InputFormat.byName("ABS")).contains(InputFormat.ABS);
  }

  private static Optional<InputFormat> sniff(String head) throws Exception {
    return InputFormat.sniff(Path.of("x"), new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)));
  }
}
