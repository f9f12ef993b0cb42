package org.paperlens.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

class FeedWriterTest {

  static final Paper A = Paper.builder(new PaperId("2607.00001")).title("Sparse <attention> & more")
      .abstractText("About <b>it</b>.").authors(List.of("Ada Lovelace")).categories(List.of("cs.CL"))
      .submitted(LocalDate.of(2026, 6, 30)).updated(LocalDate.of(2026, 7, 2)).firstListed(LocalDate.of(2026, 7, 1))
      .source("t").build();
  static final Paper B = Paper.builder(new PaperId("hep-th/9901001")).title("Old style id")
      .authors(List.of("Grace Hopper")).firstListed(LocalDate.of(2026, 7, 1)).source("t").build();

  static PaperFeed feed(List<Paper> papers) {
    return new PaperFeed("Trending", "What is trending", "https://p.example/trending/feed", "https://p.example/trending",
        "https://p.example/paper/", papers);
  }

  @Test
  void atom_parses_back_with_stable_ids_and_the_papers_dates() throws Exception {
    String xml = FeedWriter.write(feed(List.of(A, B)), FeedFormat.ATOM);
    SyndFeed back = new SyndFeedInput().build(new StringReader(xml));
    assertThat(back.getFeedType()).isEqualTo("atom_1.0");
    assertThat(back.getUri()).isEqualTo("https://p.example/trending/feed");
    assertThat(back.getEntries()).extracting(SyndEntry::getUri)
        .containsExactly("https://p.example/paper/2607.00001", "https://p.example/paper/hep-th/9901001");
    SyndEntry a = back.getEntries().get(0);
    assertThat(a.getTitle()).isEqualTo("Sparse <attention> & more");
    assertThat(a.getUpdatedDate()).isEqualTo(Date.from(Instant.parse("2026-07-02T00:00:00Z")));
    assertThat(a.getPublishedDate()).isEqualTo(Date.from(Instant.parse("2026-07-01T00:00:00Z")));
    assertThat(back.getPublishedDate()).as("feed updated = newest entry").isEqualTo(Date.from(Instant.parse("2026-07-02T00:00:00Z")));
    assertThat(xml).contains("rel=\"self\"");
    assertThat(FeedWriter.write(feed(List.of(A, B)), FeedFormat.ATOM)).as("same list, same bytes").isEqualTo(xml);
  }

  @Test
  void entries_show_math_as_unicode_because_feed_readers_typeset_no_tex() throws Exception {
    Paper math = Paper.builder(new PaperId("2607.00003")).title("A $\\tilde{\\mathcal{O}}(n\\log n)$ sort")
        .abstractText("Costs \\$500 and $\\geq$ \\$100, with \\textbf{DiM}\\textsuperscript{3}.").firstListed(LocalDate.of(2026, 7, 1))
        .source("t").build();
    SyndEntry e = new SyndFeedInput().build(new StringReader(FeedWriter.write(feed(List.of(math)), FeedFormat.ATOM))).getEntries().get(0);
    assertThat(e.getTitle()).isEqualTo("A Õ(n log n) sort");
    assertThat(e.getDescription().getValue()).isEqualTo("Costs $500 and ≥ $100, with DiM³.");
  }

  @Test
  void rss_parses_back_with_guids_and_dates() throws Exception {
    String xml = FeedWriter.write(feed(List.of(A)), FeedFormat.RSS);
    SyndFeed back = new SyndFeedInput().build(new StringReader(xml));
    assertThat(back.getFeedType()).isEqualTo("rss_2.0");
    assertThat(back.getEntries().get(0).getUri()).isEqualTo("https://p.example/paper/2607.00001");
    assertThat(back.getEntries().get(0).getPublishedDate()).isEqualTo(Date.from(Instant.parse("2026-07-01T00:00:00Z")));
  }

  @Test
  void rss_descriptions_show_markup_in_an_abstract_as_text() throws Exception {
    Paper evil = Paper.builder(new PaperId("2607.00002")).title("T").abstractText("About <b>it</b> & <script>alert(1)</script>.")
        .firstListed(LocalDate.of(2026, 7, 1)).source("t").build();
    String xml = FeedWriter.write(feed(List.of(evil)), FeedFormat.RSS);
    // Readers render an RSS description as HTML: what they get after XML parsing must be escaped HTML.
    String description = new SyndFeedInput().build(new StringReader(xml)).getEntries().get(0).getDescription().getValue();
    assertThat(description).isEqualTo("About &lt;b&gt;it&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;.");
    assertThat(xml).doesNotContain("<script>", "&lt;script&gt;alert");
    String atom = FeedWriter.write(feed(List.of(evil)), FeedFormat.ATOM);
    assertThat(new SyndFeedInput().build(new StringReader(atom)).getEntries().get(0).getDescription().getValue())
        .as("Atom says type=text, so it keeps the text as it is").isEqualTo("About <b>it</b> & <script>alert(1)</script>.");
    assertThat(atom).contains("type=\"text\"");
  }

  @Test
  void a_stored_record_with_control_characters_or_an_impossible_date_cannot_break_the_feed() throws Exception {
    // Stored before imports normalised text and checked dates (issue 12): a NUL made /daily/feed answer 400.
    Paper bad = Paper.builder(new PaperId("2607.00002")).title("Nul\u0000 title \uD800 with \u001b[31m escapes")
        .abstractText("Bell\u0007").authors(List.of("Eve\u0000 Null")).categories(List.of("cs.CL"))
        .firstListed(LocalDate.of(999_999_999, 12, 31)).updated(LocalDate.of(-5, 1, 1)).source("t").build();
    for (FeedFormat format : FeedFormat.values()) {
      String xml = FeedWriter.write(new PaperFeed("Search: a\u0000b", "d", "https://p.example/f", "https://p.example/",
          "https://p.example/paper/", List.of(A, bad, B)), format);
      SyndFeed back = new SyndFeedInput().build(new StringReader(xml));
      assertThat(back.getEntries()).extracting(SyndEntry::getTitle)
          .containsExactly("Sparse <attention> & more", "Nul title  with [31m escapes", "Old style id");
    }
  }

  @Test
  void an_empty_list_is_still_a_valid_feed() throws Exception {
    SyndFeed back = new SyndFeedInput().build(new StringReader(FeedWriter.write(feed(List.of()), FeedFormat.ATOM)));
    assertThat(back.getEntries()).isEmpty();
    assertThat(back.getPublishedDate()).isNotNull();
  }
}
