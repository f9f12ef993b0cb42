package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.testing.Chromium;

/**
 * A person's first visit, in headless Chromium against the real server: read the daily page,
 * sign up, search in every mode, open a paper, upvote it and watch it climb the trending list,
 * save papers to a tagged library, get recommendations from it. Every step checks what the page shows, and leaves a
 * screenshot of each main page in target/screenshots for a person to look at.
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class BrowserJourneyTest {

  private static final String SURFACE_CODES = "2401.00108";
  private static final String MOLECULES = "2401.00101";

  @RegisterExtension
  static final BrowserSite.PerClass web = new BrowserSite.PerClass();


  @Test
  void a_newcomer_signs_up_searches_upvotes_a_paper_into_first_place_files_papers_under_tags_and_gets_recommendations() {
    Page page = web.site().chromium.newPage();

    // The home page is the latest day's listing.
    page.navigate(web.site().url("/"));
    page.waitForURL(Pattern.compile(".*/daily.*"));
    assertThat(page.locator("h1").textContent()).isEqualTo("Papers of 2024-03-15");
    assertThat(page.getByTestId("paper-item").locator("a.title").allTextContents())
        .contains("Attention Is Not All You Need for Tabular Data");
    assertThat(page.getByTestId("nav-signup").isVisible()).isTrue();
    Chromium.screenshot(page, "daily");

    // Sign up from the navigation bar; the new member lands in an empty library, logged in.
    page.getByTestId("nav-signup").click();
    page.waitForURL(Pattern.compile(".*/signup"));
    page.getByTestId("signup-name").fill("ada.lovelace");
    page.getByTestId("signup-password").fill("analytical engine 1843");
    Chromium.screenshot(page, "signup");
    page.getByTestId("signup-submit").click();
    page.waitForURL(Pattern.compile(".*/library"));
    assertThat(page.getByTestId("nav-account").textContent()).isEqualTo("ada.lovelace");
    assertThat(page.getByTestId("empty").textContent()).contains("Your library is empty");
    assertThat(page.getByTestId("nav-signup").count()).isZero();

    // Keyword search finds the words, highlighted.
    page.getByTestId("nav-search").click();
    page.waitForURL(Pattern.compile(".*/search"));
    List<String> keyword = search(page, "keyword", "sparse attention");
    assertThat(keyword.getFirst()).isEqualTo("2401.00102");
    assertThat(page.getByTestId("search-hit").first().locator("a.title").textContent()).isEqualTo("Sparse Attention for Long Documents");
    assertThat(page.getByTestId("search-hit").first().locator(".snippet mark").allTextContents())
        .anySatisfy(marked -> assertThat(marked.toLowerCase()).isIn("sparse", "attention"));
    Chromium.screenshot(page, "search-keyword");

    // Semantic search finds the molecule papers though no query word is in their titles.
    List<String> semantic = search(page, "semantic", "predicting chemical compound properties with deep learning");
    assertThat(semantic.subList(0, 3)).containsExactlyInAnyOrder(MOLECULES, "2401.00105", "2401.00109");
    assertThat(page.getByTestId("mode-semantic").isChecked()).isTrue();
    Chromium.screenshot(page, "search-semantic");

    // A filter in the form narrows a semantic search to one category.
    page.locator("details.filters summary").click();
    page.getByTestId("filter-category").fill("physics.chem-ph");
    page.getByTestId("search-submit").click();
    page.waitForURL(Pattern.compile(".*category=physics.chem-ph.*"));
    assertThat(hitIds(page)).containsExactly("2401.00109");

    // Hybrid search puts the surface-code paper first; open it from the results.
    page.getByTestId("filter-category").fill("");
    List<String> hybrid = search(page, "hybrid", "surface codes for quantum computers");
    assertThat(hybrid.getFirst()).isEqualTo(SURFACE_CODES);
    Chromium.screenshot(page, "search-hybrid");
    page.getByTestId("search-hit").first().locator("a.title").click();
    page.waitForURL(Pattern.compile(".*/papers/" + Pattern.quote(SURFACE_CODES)));

    // The paper page: metadata, abstract, BibTeX, related papers with their reasons.
    assertThat(page.getByTestId("paper-title").textContent()).isEqualTo("Quantum Error Correction with Surface Codes");
    assertThat(page.getByTestId("paper-authors").textContent()).isEqualTo("Sofia Rossi");
    assertThat(page.getByTestId("paper-abstract").textContent()).isNotBlank();
    assertThat(page.getByTestId("bibtex").textContent()).startsWith("@").contains("Quantum Error Correction with Surface Codes");
    assertThat(page.getByTestId("related-item").count()).isPositive();
    assertThat(page.getByTestId("related-reason").allTextContents()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    assertThat(page.getByTestId("upvote").textContent()).contains("Upvote · 0");
    Chromium.screenshot(page, "paper");

    // Trending before: two earlier members liked the molecule paper, one the surface codes.
    web.site().upvotedEarlier("early.one", MOLECULES, SURFACE_CODES);
    web.site().upvotedEarlier("early.two", MOLECULES);
    page.getByTestId("nav-trending").click();
    page.waitForURL(Pattern.compile(".*/trending"));
    assertThat(listedIds(page)).startsWith(MOLECULES, SURFACE_CODES);

    // Ada upvotes the surface codes, and so does a second newcomer in another browser profile.
    page.navigate(web.site().url("/papers/" + SURFACE_CODES));
    page.getByTestId("upvote").click();
    page.waitForURL(Pattern.compile(".*/papers/" + Pattern.quote(SURFACE_CODES)));
    assertThat(page.getByTestId("upvote").textContent()).contains("Upvoted · 2");
    assertThat(page.getByTestId("upvote").getAttribute("aria-pressed")).isEqualTo("true");
    upvoteAsNewcomer("grace.hopper", SURFACE_CODES);

    // ... and it rises to first place.
    page.navigate(web.site().url("/trending"));
    assertThat(listedIds(page)).startsWith(SURFACE_CODES, MOLECULES);
    assertThat(page.getByTestId("paper-item").first().locator(".components").textContent()).contains("▲ 3 upvotes");
    Chromium.screenshot(page, "trending");

    // Save two papers with tags; the library lists them and filters by tag.
    save(page, SURFACE_CODES, "quantum, To-Read");
    assertThat(page.getByTestId("save-tags").inputValue()).isEqualTo("quantum, to-read");
    assertThat(page.getByTestId("save").textContent()).isEqualTo("Update tags");
    save(page, MOLECULES, "chemistry, to-read");
    page.getByTestId("nav-library").click();
    page.waitForURL(Pattern.compile(".*/library"));
    assertThat(ids(page.getByTestId("library-item"))).containsExactlyInAnyOrder(SURFACE_CODES, MOLECULES);
    assertThat(page.getByTestId("library-tags").locator("a.chip").allTextContents())
        .map(chip -> chip.strip().replaceAll("\\s+", " ")).containsExactlyInAnyOrder("chemistry 1", "quantum 1", "to-read 2");
    Chromium.screenshot(page, "library");
    page.getByTestId("library-tags").locator("a.chip", new Locator.LocatorOptions().setHasText("quantum")).click();
    page.waitForURL(Pattern.compile(".*/library\\?tag=quantum"));
    assertThat(ids(page.getByTestId("library-item"))).containsExactly(SURFACE_CODES);
    assertThat(page.getByTestId("library-item").getByTestId("tag").allTextContents()).containsExactly("quantum", "to-read");

    // Recommendations from the whole library, over the last year of listings: new papers only,
    // each with its reason; then from the chemistry tag alone: the other molecule papers first.
    page.getByTestId("nav-recommended").click();
    page.waitForURL(Pattern.compile(".*/recommended.*"));
    page.getByTestId("window-365").click();
    page.waitForURL(Pattern.compile(".*/recommended\\?.*days=365.*"));
    List<String> forYou = ids(page.getByTestId("recommended-item"));
    assertThat(forYou).isNotEmpty().doesNotContain(SURFACE_CODES, MOLECULES);
    assertThat(page.getByTestId("recommended-reason").allTextContents()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    Chromium.screenshot(page, "recommended");
    page.getByTestId("recommend-tags").locator("a.chip", new Locator.LocatorOptions().setHasText("chemistry")).click();
    page.waitForURL(Pattern.compile(".*/recommended\\?.*tag=chemistry.*"));
    assertThat(page.locator("h1 + p").textContent()).contains("tagged chemistry", "(1 papers)");
    assertThat(ids(page.getByTestId("recommended-item")).subList(0, 2)).containsExactlyInAnyOrder("2401.00105", "2401.00109");
  }

  /** Runs a search from the page's form in {@code mode} and returns the ids of the hits, in order. */
  private static List<String> search(Page page, String mode, String query) {
    page.getByTestId("search-input").fill(query);
    page.getByTestId("mode-" + mode).check();
    page.getByTestId("search-submit").click();
    page.waitForURL(Pattern.compile(".*/search\\?.*mode=" + mode + ".*"));
    assertThat(page.getByTestId("search-input").inputValue()).isEqualTo(query);
    return hitIds(page);
  }

  private static List<String> hitIds(Page page) {
    return ids(page.getByTestId("search-hit"));
  }

  private static List<String> listedIds(Page page) {
    return ids(page.getByTestId("paper-item"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Locator items) {
    return (List<String>) items.evaluateAll("items => items.map(i => i.dataset.paperId)");
  }

  private static void save(Page page, String id, String tags) {
    page.navigate(web.site().url("/papers/" + id));
    page.getByTestId("save-tags").fill(tags);
    page.getByTestId("save").click();
    page.waitForURL(Pattern.compile(".*/papers/" + Pattern.quote(id)));
    assertThat(page.getByTestId("unsave").isVisible()).isTrue();
  }

  private static void upvoteAsNewcomer(String name, String id) {
    Page other = web.site().chromium.newPage();
    other.navigate(web.site().url("/signup"));
    other.getByTestId("signup-name").fill(name);
    other.getByTestId("signup-password").fill("a second member's password");
    other.getByTestId("signup-submit").click();
    other.waitForURL(Pattern.compile(".*/library"));
    other.navigate(web.site().url("/papers/" + id));
    other.getByTestId("upvote").click();
    other.waitForURL(Pattern.compile(".*/papers/" + Pattern.quote(id)));
    assertThat(other.getByTestId("upvote").textContent()).contains("Upvoted · 3");
    other.context().close();
  }
}
