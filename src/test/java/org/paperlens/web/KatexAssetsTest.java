package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.web.page.Templates;

/** The vendored KaTeX is the version the lockfile pins, served as long-cached static files only to pages with math. */
class KatexAssetsTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void the_served_katex_is_the_version_the_lockfile_pins() throws Exception {
    JsonNode lock = Browser.JSON.readTree(Path.of("web-assets", "package-lock.json").toFile());
    String pinned = lock.get("packages").get("node_modules/katex").get("version").asText();
    assertThat(Templates.KATEX_VERSION).as("run bin/vendor-katex after changing the pinned version").isEqualTo(pinned);
  }

  @Test
  void katex_files_are_cached_for_a_year_and_its_css_names_only_fonts_that_are_there() {
    String base = "/static/katex/" + Templates.KATEX_VERSION + "/";
    HttpResponse<String> js = web.browser().get(base + "katex.min.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    String css = web.browser().get(base + "katex.min.css").body();
    java.util.regex.Matcher fonts = java.util.regex.Pattern.compile("url\\((fonts/[^)]+)\\)").matcher(css);
    int n = 0;
    while (fonts.find()) {
      assertThat(web.browser().get(base + fonts.group(1)).statusCode()).as(fonts.group(1)).isEqualTo(200);
      n++;
    }
    assertThat(n).isPositive();
  }

  @Test
  void only_pages_with_math_load_katex() {
    assertThat(web.browser().get("/papers/2401.00101").body()).doesNotContain("katex");
    assertThat(web.browser().get("/daily").body()).doesNotContain("katex");
  }
}
