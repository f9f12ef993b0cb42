package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.export.CitationFormat;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/** The paper page's BibTeX is the export's entry: the same citation key, TeX's special characters escaped. */
class PaperBibtexTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  private static final Paper PAPER = Paper.builder(new PaperId("2607.00042")).title("Q&A on 50% of_data #1")
      .authors(List.of("Lovelace, Ada", "Charles Babbage")).categories(List.of("cs.DL"))
      .submitted(LocalDate.of(2026, 7, 1)).firstListed(LocalDate.of(2026, 7, 2)).source("test").build();

  @Test
  void the_paper_pages_bibtex_escapes_tex_specials_and_has_the_exports_key() {
    web.store.write(w -> {
      w.put(PAPER);
      return null;
    });
    String bibtex = shownBibtex(web.browser().get("/papers/2607.00042").body());
    assertThat(bibtex).contains("title = {Q\\&A on 50\\% of\\_data \\#1}", "author = {Lovelace, Ada and Charles Babbage}");
    String exported = CitationFormat.BIBTEX.write(List.of(PAPER));
    assertThat(key(bibtex)).isEqualTo(key(exported)).isEqualTo("lovelace2026ofdata");
    assertThat(exported).isEqualTo(bibtex + "\n\n"); // no abstract, two authors: the page shows the whole export
  }

  /** The text of the page's BibTeX block, as a reader copies it. */
  private static String shownBibtex(String page) {
    Matcher m = Pattern.compile("data-testid=\"bibtex\">([^<]*)</pre>").matcher(page);
    assertThat(m.find()).as("the page has a BibTeX block").isTrue();
    return m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static String key(String bibtex) {
    return bibtex.substring(bibtex.indexOf('{') + 1, bibtex.indexOf(','));
  }
}
