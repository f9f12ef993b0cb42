package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text from papers and from people is shown as text, in a real browser: a title, authors, an
 * abstract, a comment, a tag, a query and a user name full of {@code <script>}, markup and quotes
 * appear literally, and nothing they carry runs or becomes an element.
 *
 * <p>The browser ignores the site's Content-Security-Policy here, so these tests see the escaping
 * alone: the policy, which would stop inline scripts by itself, is a second line of defence and
 * must not hide a missing first one.
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class BrowserEscapingTest {

  private static final String TITLE = "<script>window.xssRan='title'</script> Escaping \"Quotes\" & <b data-xss=\"title\">Tags</b>"
      + " in Cross-Site Scripting Defences";

  @RegisterExtension
  static final BrowserSite.PerClass web = new BrowserSite.PerClass();

  private Page page;
  private final List<String> dialogs = new ArrayList<>();


  @BeforeEach
  void openPage() {
    page = web.site().chromium.newPage(new NewContextOptions().setBypassCSP(true));
    page.onDialog(d -> {
      dialogs.add(d.message());
      d.dismiss();
    });
  }

  @AfterEach
  void closePage() {
    BrowserContext context = page.context();
    context.close();
  }

  @Test
  void a_hostile_paper_is_shown_as_text_on_the_daily_page() {
    open("/daily?date=2024-03-15");
    assertThat(page.locator("[data-paper-id='" + BrowserSite.HOSTILE + "'] a.title").textContent()).isEqualTo(TITLE);
    assertThat(page.locator("[data-paper-id='" + BrowserSite.HOSTILE + "'] .authors").textContent())
        .isEqualTo("Eve <script>window.xssRan='author'</script> O'Hara, Mallory \"Quotes\" Smith");
    assertNothingRan();
  }

  @Test
  void a_hostile_paper_is_shown_as_text_on_its_own_page() {
    open("/papers/" + BrowserSite.HOSTILE);
    assertThat(page.getByTestId("paper-title").textContent()).isEqualTo(TITLE);
    assertThat(page.title()).startsWith(TITLE);
    assertThat(page.getByTestId("paper-abstract").textContent())
        .contains("such as <script>window.xssRan='abstract'</script> and <img src=x data-xss=\"abstract\"",
            "with 'single' and \"double\" quotes intact");
    // Math is typeset (by KaTeX, from the span's TeX) and what it holds stays text: no element comes of it.
    assertThat(page.locator(".abstract .math").getAttribute("data-tex")).isEqualTo("a^{<b data-xss=\"m\">x</b>}");
    assertThat(page.locator(".abstract [data-xss]").count()).isZero();
    assertThat(page.locator(".comment").first().textContent())
        .contains("<img src=x data-xss=\"comment\" onerror=\"window.xssRan='comment'\"> 12 pages");
    assertThat(page.getByTestId("bibtex").textContent()).contains("Cross-Site Scripting Defences");
    assertNothingRan();
  }

  @Test
  void search_results_and_their_highlighted_snippets_are_shown_as_text() {
    open("/search?mode=keyword&q=" + Browser.enc("cross-site scripting defences script"));
    assertThat(page.locator("[data-paper-id='" + BrowserSite.HOSTILE + "'] a.title").textContent()).isEqualTo(TITLE);
    String snippet = page.locator("[data-paper-id='" + BrowserSite.HOSTILE + "'] .snippet").textContent();
    assertThat(snippet).contains("<script>", "</script>");
    assertThat(page.locator("[data-paper-id='" + BrowserSite.HOSTILE + "'] .snippet mark").count()).isPositive();
    assertNothingRan();
  }

  @Test
  void a_query_with_markup_and_quotes_is_echoed_as_text() {
    String query = "\"><script>window.xssRan='query'</script><b data-xss=\"query\">' quoted";
    for (String mode : List.of("keyword", "semantic", "hybrid")) {
      open("/search?mode=" + mode + "&q=" + Browser.enc(query));
      assertThat(page.getByTestId("search-input").inputValue()).isEqualTo(query);
      assertThat(page.title()).contains(query);
      assertNothingRan();
    }
  }

  @Test
  void tags_with_markup_and_quotes_are_shown_as_text_in_the_library_and_recommendations() {
    signUp("tag.tester");
    List<String> tags = List.of("<script>window.xssran=1</script>", "\"><img src=x data-xss=tag>", "'single' & \"double\"");
    open("/papers/" + BrowserSite.HOSTILE);
    page.getByTestId("save-tags").fill(String.join(", ", tags));
    page.getByTestId("save").click();
    page.waitForURL(Pattern.compile(".*/papers/.*"));
    assertThat(page.getByTestId("save-tags").inputValue().split(", ")).containsExactlyInAnyOrderElementsOf(tags);
    assertNothingRan();

    open("/library");
    assertThat(page.getByTestId("tag").allTextContents()).containsExactlyInAnyOrderElementsOf(tags);
    assertThat(page.getByTestId("library-tags").locator("a.chip").allTextContents())
        .anySatisfy(chip -> assertThat(chip).contains("\"><img src=x data-xss=tag>"));
    assertThat(page.locator("input[name=tags]").inputValue().split(", ")).containsExactlyInAnyOrderElementsOf(tags);
    assertThat(page.getByTestId("library-item").locator("a.title").textContent()).isEqualTo(TITLE);
    assertNothingRan();

    // Following the hostile tag's link filters by exactly that tag.
    page.getByTestId("library-tags").locator("a.chip").filter(new Locator.FilterOptions()
        .setHasText("data-xss=tag")).click();
    page.waitForURL(Pattern.compile(".*/library\\?tag=.*"));
    assertThat(page.locator("h1").textContent()).isEqualTo("Your library: \"><img src=x data-xss=tag>");
    assertThat(page.getByTestId("library-item").count()).isEqualTo(1);
    assertNothingRan();

    // Recommendations explain themselves with the liked paper's title (shortened), and show the tags.
    open("/recommended?days=365");
    assertThat(page.getByTestId("recommended-reason").allTextContents())
        .isNotEmpty().allSatisfy(reason -> assertThat(reason).startsWith("like “" + TITLE.substring(0, TITLE.indexOf(" &"))));
    assertThat(page.getByTestId("recommend-tags").locator("a.chip").allTextContents()).containsExactlyInAnyOrderElementsOf(tags);
    assertNothingRan();
  }

  @Test
  void a_submission_comment_with_markup_and_quotes_is_shown_as_text() {
    signUp("comment.tester");
    String comment = "<script>window.xssRan='comment'</script> \"great\" & 'short' <i data-xss=\"comment\">read it</i>";
    open("/submit");
    page.getByTestId("submit-paper").fill("https://arxiv.org/abs/" + BrowserSite.HOSTILE);
    page.getByTestId("submit-comment").fill(comment);
    page.getByTestId("submit-button").click();
    page.waitForURL(Pattern.compile(".*/papers/" + BrowserSite.HOSTILE + "\\?done=submitted"));
    assertThat(page.getByTestId("notice").textContent()).contains("submitted");
    assertThat(page.getByTestId("comments").locator(".text").allTextContents()).containsExactly(comment);
    assertNothingRan();

    open("/submit");
    assertThat(page.getByTestId("recent-submissions").locator(".text").allTextContents()).contains(comment);
    assertThat(page.getByTestId("recent-submissions").locator("a").allTextContents()).contains(TITLE);
    assertNothingRan();
  }

  @Test
  void a_rejected_user_name_is_echoed_as_text_in_the_form() {
    String name = "\"><b data-xss=n>'x";
    open("/signup");
    page.getByTestId("signup-name").fill(name);
    page.getByTestId("signup-password").fill("long enough password");
    page.getByTestId("signup-submit").click();
    page.waitForURL(Pattern.compile(".*/signup"));
    assertThat(page.getByTestId("signup-error").isVisible()).isTrue();
    assertThat(page.getByTestId("signup-name").inputValue()).isEqualTo(name);
    assertNothingRan();
  }

  private void open(String path) {
    page.navigate(web.site().url(path));
  }

  private void signUp(String name) {
    open("/signup");
    page.getByTestId("signup-name").fill(name);
    page.getByTestId("signup-password").fill("long enough password");
    page.getByTestId("signup-submit").click();
    page.waitForURL(Pattern.compile(".*/library"));
  }

  /** No injected script ran, no injected element exists, no dialog opened. */
  private void assertNothingRan() {
    assertThat(page.evaluate("() => String(window.xssRan ?? window.xssran ?? '')")).as("what an injected script set").isEqualTo("");
    assertThat(page.locator("[data-xss]").count()).as("elements made from injected markup").isZero();
    assertThat(page.locator("script:not([src])").count()).as("inline scripts").isZero();
    assertThat(dialogs).isEmpty();
  }
}
