package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The site has an icon of its own: every page names it, and the path browsers ask for by themselves answers too. */
class SiteIconTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void every_page_links_the_svg_icon_and_the_icon_is_served() {
    Browser b = web.browser();
    for (String path : List.of("/daily", "/trending", "/search?q=attention", "/papers/2401.00102", "/login", "/no-such-page")) {
      assertThat(b.get(path).body()).as(path).contains("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">");
    }
    HttpResponse<String> icon = b.get("/static/favicon.svg");
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(icon.body()).startsWith("<svg").contains("xmlns=\"http://www.w3.org/2000/svg\"").doesNotContain("<script");
  }

  @Test
  void the_path_browsers_ask_for_without_being_told_answers_with_the_same_icon() {
    HttpResponse<String> r = web.browser().get("/favicon.ico");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(r.body()).isEqualTo(web.browser().get("/static/favicon.svg").body());
  }
}
