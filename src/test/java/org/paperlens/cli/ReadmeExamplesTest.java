package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.paperlens.testing.SharedData;

/** The README's examples work on the data it tells people to import: every paper id they name is in it. */
class ReadmeExamplesTest {

  private static final Pattern ARXIV_ID = Pattern.compile("\\b\\d{4}\\.\\d{4,5}\\b");

  @Test
  void every_arxiv_id_in_the_readme_is_a_paper_of_the_shipped_listings() throws Exception {
    Path listings = SharedData.listings();
    Set<String> named = new HashSet<>();
    Matcher m = ARXIV_ID.matcher(Files.readString(Path.of("README.md")));
    while (m.find()) {
      named.add(m.group());
    }
    assertThat(named).as("the README names at least one paper to try").isNotEmpty();
    Set<String> shipped = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(listings)),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String id = json.readTree(line).path("id").asText();
        if (named.contains(id)) {
          shipped.add(id);
        }
      }
    }
    assertThat(named).as("ids in README.md missing from " + listings.getFileName()).isSubsetOf(shipped);
  }
}
