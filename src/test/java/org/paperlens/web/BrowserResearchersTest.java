package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.testing.Chromium;

/**
 * What researchers expect from a paper site (issue 13), in headless Chromium against the real
 * server: feeds and exports linked from the lists, a search's total, honest subscriptions on a
 * server without mail. Screenshots go to target/screenshots.
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class BrowserResearchersTest {

  @RegisterExtension
  static final BrowserSite.PerClass web = new BrowserSite.PerClass();

  @Test
  void list_pages_link_their_feeds_and_exports_and_announce_them_to_feed_readers() {
    Page page = web.site().chromium.newPage();
    page.navigate(web.site().url("/daily"));
    assertThat(page.locator("link[rel=alternate][type='application/atom+xml']").getAttribute("href")).isEqualTo("/daily/feed");
    assertThat(page.getByTestId("feed-atom").getAttribute("href")).isEqualTo("/daily/feed");
    APIResponse feed = page.request().get(web.site().url("/daily/feed?format=rss"));
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.text()).contains("<rss", "Attention Is Not All You Need for Tabular Data");

    page.navigate(web.site().url("/trending"));
    assertThat(page.locator("link[rel=alternate]").count()).isEqualTo(2);
    assertThat(page.getByTestId("feed-rss").getAttribute("href")).isEqualTo("/trending/feed?window=week&format=rss");

    page.navigate(web.site().url("/search?q=sparse+attention&mode=keyword"));
    assertThat(page.getByTestId("search-total").textContent()).matches("\\d+ papers? (has|have) all the words");
    assertThat(page.locator("link[rel=alternate]").first().getAttribute("href")).startsWith("/search/feed?q=sparse+attention");
    String bibtex = page.getByTestId("export-bibtex").getAttribute("href");
    assertThat(page.request().get(web.site().url(bibtex)).text()).contains("@misc{", "Sparse Attention for Long Documents");
    Chromium.screenshot(page, "search-follow-links");

    page.navigate(web.site().url("/search?q=sparse+attention&mode=semantic"));
    assertThat(page.getByTestId("search-total").textContent()).matches("\\d+ papers ranked by meaning.*");

    page.navigate(web.site().url("/papers/2401.00102"));
    assertThat(page.getByTestId("follow-links").locator("a").allTextContents()).containsExactly("BibTeX", "RIS", "CSL-JSON");
    page.context().close();
  }

  @Test
  void the_daily_page_filters_papers_with_code_and_a_paper_page_has_a_code_button() {
    Page page = web.site().chromium.newPage();
    page.navigate(web.site().url("/daily?date=2024-03-15"));
    assertThat(ids(page.getByTestId("paper-item"))).contains("2401.00110", BrowserSite.HOSTILE);
    page.getByTestId("daily-code").check(); // the page's script submits the form on change
    page.waitForURL(Pattern.compile(".*/daily\\?.*code=1.*"));
    assertThat(ids(page.getByTestId("paper-item"))).containsExactly("2401.00110");
    assertThat(page.getByTestId("daily-count").textContent()).contains("1 papers with code");
    Chromium.screenshot(page, "daily-with-code");
    page.getByTestId("paper-item").first().getByTestId("code-link").isVisible();
    page.getByTestId("paper-item").first().locator("a.title").click();
    page.waitForURL(Pattern.compile(".*/papers/2401.00110"));
    assertThat(page.getByTestId("link-repository").getAttribute("href")).isEqualTo("https://github.com/ken-ito/tabular-trees");
    assertThat(page.getByTestId("link-repository").textContent()).isEqualTo("Code · github.com");
    Chromium.screenshot(page, "paper-with-code");

    page.navigate(web.site().url("/search?q=tabular&mode=keyword"));
    com.microsoft.playwright.Locator chip = page.locator("[data-testid=search-hit][data-paper-id='2401.00110'] [data-testid=code-link]");
    assertThat(chip.getAttribute("href")).isEqualTo("https://github.com/ken-ito/tabular-trees");
    assertThat(chip.isVisible()).isTrue();
    Chromium.screenshot(page, "search-with-code");
    page.context().close();
  }

  @Test
  void a_name_leads_to_the_authors_page_with_their_papers_co_authors_and_ways_to_follow_them() {
    Page page = web.site().chromium.newPage();
    page.navigate(web.site().url("/papers/2401.00101"));
    page.getByTestId("paper-authors").getByText("Wei Zhang").click();
    page.waitForURL(Pattern.compile(".*/authors/Wei%20Zhang"));
    assertThat(page.getByTestId("author-name").textContent()).isEqualTo("Wei Zhang");
    assertThat(ids(page.getByTestId("author-paper"))).containsExactly("2401.00105", "2401.00101");
    assertThat(page.getByTestId("coauthors").locator("a").allTextContents()).containsExactlyInAnyOrder("Maria Garcia", "Omar Haddad");
    assertThat(page.getByTestId("author-categories").textContent()).contains("cs.LG");
    assertThat(page.locator("link[rel=alternate]").first().getAttribute("href")).isEqualTo("/authors/Wei%20Zhang/feed");
    Chromium.screenshot(page, "author");
    APIResponse feed = page.request().get(web.site().url(page.getByTestId("author-feed").getAttribute("href")));
    assertThat(feed.text()).contains("Papers by Wei Zhang", "Contrastive Pretraining of Molecule Encoders");
    page.getByTestId("author-subscribe").click();
    page.waitForURL(Pattern.compile(".*/subscriptions\\?kind=author.*"));
    page.context().close();
  }

  @Test
  void on_the_daily_page_a_member_reads_a_teaser_expands_it_and_upvotes_from_the_list() {
    Page page = web.site().chromium.newPage();
    signUp(page, "daily.reader");
    page.navigate(web.site().url("/daily?date=2024-03-15"));
    var teaser = page.locator("[data-paper-id='" + BrowserSite.HOSTILE + "']").getByTestId("teaser");
    assertThat(teaser.locator("summary").isVisible()).isTrue();
    assertThat(teaser.locator("p").isVisible()).isFalse();
    teaser.locator("summary").click();
    assertThat(teaser.locator("p").isVisible()).isTrue();
    Chromium.screenshot(page, "daily-teaser-open");

    page.navigate(web.site().url("/daily?date=2024-01-10"));
    assertThat(ids(page.getByTestId("paper-item"))).containsExactly("2401.00104", "2401.00103"); // nobody voted: cs.CV before cs.RO by id
    assertThat(page.locator("[data-paper-id='2401.00103']").getByTestId("teaser").textContent()).startsWith("A robot arm learns");
    page.locator("[data-paper-id='2401.00103']").getByTestId("list-upvote").click();
    page.waitForURL(Pattern.compile(".*/daily\\?date=2024-01-10"));
    assertThat(ids(page.getByTestId("paper-item"))).containsExactly("2401.00103", "2401.00104");
    assertThat(page.locator("[data-paper-id='2401.00103']").getByTestId("list-upvote").getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(page.locator("[data-paper-id='2401.00103'] .votes .count").textContent()).isEqualTo("1");
    Chromium.screenshot(page, "daily-member-upvoted");
    page.locator("[data-paper-id='2401.00103']").getByTestId("list-upvote").click(); // and takes it back
    page.waitForURL(Pattern.compile(".*/daily\\?date=2024-01-10"));
    assertThat(page.locator("[data-paper-id='2401.00103'] .votes .count").textContent()).isEqualTo("0");
    page.context().close();
  }

  @Test
  void a_member_sets_an_e_mail_address_changes_the_password_and_deletes_the_account() {
    Page page = web.site().chromium.newPage();
    signUp(page, "short.stay");
    page.navigate(web.site().url("/papers/2401.00104"));
    page.getByTestId("upvote").click();
    page.waitForURL(Pattern.compile(".*/papers/2401.00104"));

    page.getByTestId("nav-account").click();
    page.getByTestId("account-email").fill("short.stay@example.org");
    page.getByTestId("save-email").click();
    assertThat(page.getByTestId("account-done").textContent()).contains("short.stay@example.org");
    page.getByTestId("current-password").fill("a long enough password");
    page.getByTestId("new-password").fill("an even longer password");
    page.getByTestId("change-password").click();
    assertThat(page.getByTestId("account-done").textContent()).contains("password is changed");
    Chromium.screenshot(page, "account");

    page.getByTestId("delete-password").fill("a long enough password"); // the old one no longer works
    page.getByTestId("delete-account").click();
    assertThat(page.getByTestId("account-error").textContent()).contains("wrong user name or password");
    page.getByTestId("delete-password").fill("an even longer password");
    page.getByTestId("delete-account").click();
    assertThat(page.getByTestId("notice").textContent()).contains("short.stay is deleted");
    assertThat(page.getByTestId("nav-login").isVisible()).isTrue();
    Chromium.screenshot(page, "account-deleted");
    page.navigate(web.site().url("/papers/2401.00104"));
    assertThat(page.getByTestId("upvote-login").textContent()).contains("▲ 0");
    page.context().close();
  }

  @Test
  void a_member_makes_a_tag_a_public_collection_that_a_visitor_opens_from_the_index_and_follows() {
    Page page = web.site().chromium.newPage();
    signUp(page, "collector");
    for (String id : List.of("2401.00101", "2401.00109")) {
      page.navigate(web.site().url("/papers/" + id));
      page.getByTestId("save-tags").fill("molecules");
      page.getByTestId("save").click();
      page.waitForURL(Pattern.compile(".*/papers/" + Pattern.quote(id)));
    }
    page.navigate(web.site().url("/library?tag=molecules"));
    page.getByTestId("make-public").click();
    page.getByTestId("collection-link").click();
    page.waitForURL(Pattern.compile(".*/users/collector/tags/molecules"));
    page.context().close();

    Page visitor = web.site().chromium.newPage();
    visitor.navigate(web.site().url("/collections"));
    visitor.getByTestId("collection-entry").locator("a.title", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("molecules")).click();
    visitor.waitForURL(Pattern.compile(".*/users/collector/tags/molecules"));
    assertThat(visitor.getByTestId("collection-meta").textContent()).contains("collector", "2 papers");
    assertThat(ids(visitor.getByTestId("collection-item"))).containsExactly("2401.00109", "2401.00101");
    assertThat(visitor.getByTestId("share-url").textContent()).endsWith("/users/collector/tags/molecules");
    String feed = visitor.locator("link[rel=alternate]").first().getAttribute("href");
    assertThat(visitor.request().get(web.site().url(feed)).text()).contains("Equivariant Networks");
    Chromium.screenshot(visitor, "collection");
    visitor.navigate(web.site().url("/collections"));
    assertThat(visitor.locator("link[rel=alternate][type='application/atom+xml']").getAttribute("href")).isEqualTo("/collections/feed");
    assertThat(visitor.getByTestId("feed-rss").getAttribute("href")).isEqualTo("/collections/feed?format=rss");
    assertThat(visitor.request().get(web.site().url("/collections/feed")).text()).contains("Equivariant Networks");
    visitor.context().close();

    Page member = web.site().chromium.newPage();
    signUp(member, "follower");
    member.navigate(web.site().url("/papers/2401.00101"));
    member.getByTestId("save").click();
    member.waitForURL(Pattern.compile(".*/papers/2401.00101"));
    member.navigate(web.site().url("/recommended?days=3650"));
    assertThat(member.locator("link[rel=alternate][type='application/atom+xml']").getAttribute("href")).isEqualTo("/recommended/feed?days=3650");
    assertThat(member.getByTestId("feed-atom").isVisible()).isTrue();
    APIResponse mine = member.request().get(web.site().url("/recommended/feed?days=3650"));
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.text()).contains("<feed", "Recommended for you");
    Chromium.screenshot(member, "recommended-feed-links");
    member.context().close();
  }

  @Test
  void members_discuss_a_paper_editing_and_deleting_their_own_comments() {
    Page page = web.site().chromium.newPage();
    page.navigate(web.site().url("/papers/2401.00107"));
    assertThat(page.getByTestId("no-comments").isVisible()).isTrue();
    assertThat(page.getByTestId("comment-login").isVisible()).isTrue();
    signUp(page, "discussant");
    page.navigate(web.site().url("/papers/2401.00107"));
    page.getByTestId("comment-body-input").fill("BM25 with tuned k1 is hard to beat; see https://example.org/bm25-notes.");
    page.getByTestId("comment-submit").click();
    page.waitForURL(Pattern.compile(".*/papers/2401.00107#comment-\\d+"));
    var comment = page.getByTestId("comment").first();
    assertThat(comment.getByTestId("comment-author").textContent()).isEqualTo("discussant");
    assertThat(comment.getByTestId("comment-body").locator("a").getAttribute("href")).isEqualTo("https://example.org/bm25-notes");
    comment.getByTestId("comment-edit").click();
    comment.getByTestId("comment-edit-body").fill("BM25 with tuned k1 and b is hard to beat.");
    comment.getByTestId("comment-save").click();
    page.waitForURL(Pattern.compile(".*/papers/2401.00107#comment-\\d+"));
    assertThat(page.getByTestId("comment").first().getByTestId("comment-body").textContent()).isEqualTo("BM25 with tuned k1 and b is hard to beat.");
    assertThat(page.getByTestId("comment").first().textContent()).contains("edited");
    Chromium.screenshot(page, "paper-discussion");
    page.getByTestId("comment").first().getByTestId("comment-delete").click();
    page.waitForURL(Pattern.compile(".*/papers/2401.00107#discussion"));
    assertThat(page.getByTestId("comment").count()).isZero();
    page.context().close();
  }

  @Test
  void math_is_typeset_by_katex_with_readable_unicode_without_javascript_and_no_tex_leaks_into_snippets() {
    Page page = web.site().chromium.newPage();
    page.navigate(web.site().url("/papers/" + BrowserSite.MATH));
    page.locator("#page-title span.math.typeset .katex").first().waitFor();
    assertThat(page.getByTestId("paper-abstract").locator("span.math.typeset .katex").count()).isEqualTo(3);
    assertThat(page.getByTestId("paper-abstract").textContent()).contains("computed in jax;").doesNotContain("\\citep", "\\texttt");
    assertThat(page.locator("link[href$='katex.min.css']").count()).isEqualTo(1);
    assertThat(page.getByTestId("related-reason").allTextContents())
        .allSatisfy(reason -> assertThat(reason).doesNotContainPattern("tilde|sqrt|frac|textbf|texttt|citep|epsilon"));
    Chromium.screenshot(page, "paper-math");
    page.context().close();

    Page plain = web.site().chromium.newPage(new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false));
    plain.navigate(web.site().url("/papers/" + BrowserSite.MATH));
    assertThat(plain.getByTestId("paper-title").textContent()).isEqualTo("Regret Bounds of Õ(√T) for Online Convex Optimization");
    assertThat(plain.getByTestId("paper-abstract").textContent()).contains("Õ(d2/ε)", "R3-RAG style feedback", "√(log T)");
    Chromium.screenshot(plain, "paper-math-no-javascript");
    plain.navigate(web.site().url("/search?q=regret+bound&mode=keyword"));
    String snippet = plain.getByTestId("search-hit").first().locator(".snippet").textContent();
    assertThat(snippet).contains("Õ(d²/ε)").doesNotContain("\\tilde", "\\frac", "$", "\\textbf");
    plain.navigate(web.site().url("/daily"));
    assertThat(plain.locator("link[href$='katex.min.css']").count()).isZero(); // no math on the page: no KaTeX
    plain.context().close();
  }

  static void signUp(Page page, String name) {
    page.navigate(web.site().url("/signup"));
    page.getByTestId("signup-name").fill(name);
    page.getByTestId("signup-password").fill("a long enough password");
    page.getByTestId("signup-submit").click();
    page.waitForURL(Pattern.compile(".*/library"));
  }

  @Test
  void subscribing_on_a_server_without_mail_says_that_nothing_could_be_sent() {
    Page page = web.site().chromium.newPage();
    page.navigate(web.site().url("/subscriptions"));
    assertThat(page.getByTestId("no-mail").textContent()).contains("no mail server");
    page.locator("#email").fill("reader@example.org");
    page.getByTestId("subscribe").click();
    page.waitForURL(Pattern.compile(".*/subscriptions"));
    String done = page.getByTestId("subscribe-done").textContent();
    assertThat(done).contains("no mail server", "no confirmation link could be sent").doesNotContain("we sent");
    Chromium.screenshot(page, "subscribe-without-mail");
    page.context().close();
  }

  static List<String> ids(com.microsoft.playwright.Locator items) {
    @SuppressWarnings("unchecked")
    List<String> out = (List<String>) items.evaluateAll("items => items.map(i => i.dataset.paperId)");
    return out;
  }
}
