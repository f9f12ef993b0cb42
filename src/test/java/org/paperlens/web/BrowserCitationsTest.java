package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.testing.Chromium;

/**
 * A paper page with references, cited-by and its citation map, in headless Chromium against the
 * real server with citation data stored through the real store ({@link CitationFixture}): what a
 * reader sees, not only what the HTML says. Screenshots go to target/screenshots.
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class BrowserCitationsTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();
  static Chromium chromium;

  @BeforeAll
  static void start() {
    chromium = Chromium.launch();
    CitationFixture.write(web.root.citations());
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void a_reader_sees_the_count_the_chart_the_tldr_and_both_lists_on_the_paper_page() {
    Page page = chromium.newPage();
    page.navigate(web.base + "/papers/2401.00101");
    assertThat(page.getByTestId("citation-count").innerText()).isEqualTo("Cited by 42 according to OpenAlex, as of 2026-11-30");
    Locator chart = page.getByTestId("citation-chart").locator("svg");
    assertThat(chart.isVisible()).isTrue();
    assertThat(chart.locator("rect.yc-bar").count()).isEqualTo(3);
    // The tallest bar (30 citations in 2025) is drawn taller than the 2024 one (5).
    BoundingBox y2024 = chart.locator("rect.yc-bar").nth(0).boundingBox();
    BoundingBox y2025 = chart.locator("rect.yc-bar").nth(1).boundingBox();
    assertThat(y2025.height).isGreaterThan(5 * y2024.height);
    assertThat(page.getByTestId("citation-chart-text").innerText()).contains("2024: 5 · 2025: 30 · 2026: 7");
    assertThat(page.getByTestId("tldr").innerText()).startsWith("TLDR machine-written by Semantic Scholar (tldr@v2.0.0):");
    assertThat(page.getByTestId("venue").innerText()).isEqualTo("Venue: Journal of Chemical Information and Modeling");
    assertThat(page.getByTestId("references").locator("h2").innerText()).isEqualTo("References (4)");
    assertThat(page.getByTestId("references").getByTestId("citation-item").allInnerTexts()).hasSize(4)
        .anySatisfy(t -> assertThat(t).contains("Neural Message Passing for Quantum Chemistry (2017) · doi:10.5555/3305381.3305512"));
    assertThat(page.getByTestId("cited-by").locator("h2").innerText()).isEqualTo("Cited by (2)");
    assertThat(page.getByTestId("cited-by").getByTestId("citation-item").allInnerTexts())
        .anySatisfy(t -> assertThat(t).startsWith("Attention Is Not All You Need for Tabular Data"));
    assertThat(page.getByTestId("paper-authors").locator("a").first().getAttribute("href")).startsWith("/authors/id/");
    Chromium.screenshot(page, "paper-citations");

    page.getByTestId("references").locator("a.title").first().click();
    page.waitForURL(Pattern.compile(".*/papers/2401\\.0010[59]"));
    page.context().close();
  }

  @Test
  void the_map_shows_every_node_without_overlap_a_legend_and_each_node_leads_to_its_paper() {
    Page page = chromium.newPage();
    page.navigate(web.base + "/papers/2401.00101");
    page.getByTestId("citation-map-link").click();
    page.waitForURL(Pattern.compile(".*/papers/2401\\.00101/map"));
    Locator svg = page.getByTestId("citation-map-svg");
    assertThat(svg.isVisible()).isTrue();
    BoundingBox box = svg.boundingBox();
    Locator circles = svg.locator("circle.node");
    assertThat(circles.count()).isEqualTo(8);
    List<BoundingBox> drawn = new java.util.ArrayList<>();
    for (int i = 0; i < circles.count(); i++) {
      BoundingBox c = circles.nth(i).boundingBox();
      assertThat(c.x).isGreaterThanOrEqualTo(box.x - 1);
      assertThat(c.x + c.width).isLessThanOrEqualTo(box.x + box.width + 1);
      drawn.add(c);
    }
    for (int i = 0; i < drawn.size(); i++) {
      for (int j = i + 1; j < drawn.size(); j++) {
        BoundingBox a = drawn.get(i);
        BoundingBox b = drawn.get(j);
        double gap = Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2);
        assertThat(gap).as("circles %d and %d", i, j).isGreaterThan((a.width + b.width) / 2 - 3);
      }
    }
    assertThat(page.locator("text.label.self").textContent()).startsWith("Graph Neural Networks");
    assertThat(page.getByTestId("map-legend").innerText()).contains("Year:", "2016", "reference", "citing paper", "neighbour");
    assertThat(page.getByTestId("map-row").count()).isEqualTo(8);
    assertThat(page.locator("[data-testid=map-row][data-kind=neighbour]").innerText())
        .contains("Retrieval-Augmented Generation for Question Answering", "shares 1 reference");
    Chromium.screenshot(page, "citation-map");

    page.locator("a[data-testid=map-node][data-key='2401.00106']").click();
    page.waitForURL(Pattern.compile(".*/papers/2401\\.00106"));
    assertThat(page.getByTestId("paper-title").innerText()).isEqualTo("Retrieval-Augmented Generation for Question Answering");
    page.context().close();
  }
}
