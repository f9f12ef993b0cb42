package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One canonical base URL: every absolute link the site hands out (share links, feeds, the OpenAPI servers) starts with it. */
class BaseUrlTest {

  private static final String SITE = "https://papers.example.org";

  @RegisterExtension
  static final WebFixture web = new WebFixture(() -> WebFixture.mailLinkingTo(SITE));

  @Test
  void a_collections_share_link_uses_the_base_url_not_the_address_the_request_came_to() {
    Browser owner = web.browser().signUp("sharer");
    owner.post("/papers/2401.00101/save", Map.of("tags", "molecules"));
    owner.post("/library/tags/visibility", Map.of("tag", "molecules", "public", "true"));
    String page = web.browser().get("/users/sharer/tags/molecules").body();
    assertThat(page).contains("data-testid=\"share-url\">" + SITE + "/users/sharer/tags/molecules</code>")
        .doesNotContain("127.0.0.1:", "localhost:");
  }

  @Test
  void the_private_feed_and_the_public_feeds_link_to_the_base_url() {
    Browser member = web.browser().signUp("reader");
    assertThat(member.post("/account/feed", Map.of()).body()).contains(SITE + "/feeds/").doesNotContain("127.0.0.1:");
    for (String feed : List.of("/daily/feed", "/trending/feed", "/search/feed?q=attention")) {
      assertThat(web.browser().get(feed).body()).as(feed).contains(SITE + "/").doesNotContain("127.0.0.1:", "localhost:");
    }
  }

  @Test
  void the_openapi_document_names_the_base_url_as_its_server() {
    JsonNode doc = ApiTest.ok(web.browser().get("/api/v1/openapi.json"));
    assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo(SITE);
  }
}
