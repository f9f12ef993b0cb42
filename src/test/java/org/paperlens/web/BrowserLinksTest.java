package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Links look like links in a real browser: an author's name is one, so it must be seen as one. */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class BrowserLinksTest {

  @RegisterExtension
  static final BrowserSite.PerClass web = new BrowserSite.PerClass();

  private Page page;

  @BeforeEach
  void openPage() {
    page = web.site().chromium.newPage();
  }

  @AfterEach
  void closePage() {
    page.context().close();
  }

  private static String style(Locator l, String property) {
    return (String) l.evaluate("(e, p) => getComputedStyle(e).getPropertyValue(p)", property);
  }

  @Test
  void author_names_are_styled_as_links_on_the_daily_page_and_the_paper_page() {
    for (String path : new String[] {"/daily?date=2024-01-03", "/papers/2401.00102"}) {
      page.navigate(web.site().url(path));
      Locator author = page.locator("a[href^='/authors/']").first();
      Locator around = page.locator(".meta, .authors").first();
      assertThat(style(author, "color")).as(path + ": an author link has a link's colour, not the text's")
          .isNotEqualTo(style(around, "color"));
      assertThat(style(author, "text-decoration-line")).as(path).isEqualTo("underline");
    }
  }
}
