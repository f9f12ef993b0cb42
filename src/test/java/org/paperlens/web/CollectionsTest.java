package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Public collections (a tag made public): their page, the index and the API, through the real server. */
class CollectionsTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void a_tag_made_public_is_a_collection_anyone_can_open_and_a_private_one_is_not_found() {
    Browser owner = web.browser().signUp("curator");
    owner.post("/papers/2401.00101/save", Map.of("tags", "molecules, secret"));
    owner.post("/papers/2401.00105/save", Map.of("tags", "molecules"));
    assertThat(web.browser().get("/users/curator/tags/molecules").statusCode()).isEqualTo(404);
    owner.post("/library/tags/visibility", Map.of("tag", "molecules", "public", "true"));

    String page = web.browser().get("/users/curator/tags/molecules").body();
    assertThat(page).contains("A collection by <strong>curator</strong>", "Contrastive Pretraining of Molecule Encoders",
        "data-testid=\"share-url\"");
    JsonNode api = ApiTest.ok(web.browser().get("/api/v1/users/curator/tags/molecules"));
    assertThat(api.get("papers").asInt()).isEqualTo(2);
    assertThat(ApiTest.ids(api.get("entries"))).containsExactly("2401.00105", "2401.00101");
    assertThat(web.browser().get("/users/curator/tags/secret").statusCode()).isEqualTo(404);
    assertThat(web.browser().get("/api/v1/users/curator/tags/secret").statusCode()).isEqualTo(404);
  }

  @Test
  void the_index_lists_public_collections_with_their_counts() {
    Browser owner = web.browser().signUp("lister2");
    owner.post("/papers/2401.00108/save", Map.of("tags", "quantum"));
    owner.post("/library/tags/visibility", Map.of("tag", "quantum", "public", "true"));
    JsonNode all = ApiTest.ok(web.browser().get("/api/v1/collections"));
    JsonNode quantum = null;
    for (JsonNode c : all.get("collections")) {
      quantum = c.get("tag").asText().equals("quantum") ? c : quantum;
    }
    assertThat(quantum).isNotNull();
    assertThat(quantum.get("owner").asText()).isEqualTo("lister2");
    assertThat(quantum.get("papers").asInt()).isEqualTo(1);
    assertThat(web.browser().get("/collections").body()).contains("href=\"/users/lister2/tags/quantum\"");
  }
}
