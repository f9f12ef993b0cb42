package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.web.http.Routes;

/** The OpenAPI document lists exactly the API routes the server answers. */
class OpenApiTest {

  @Test
  void the_document_and_the_routes_agree(@TempDir Path dir) throws Exception {
    try (WebFixture web = new WebFixture(dir)) {
      JsonNode doc = Browser.json(web.browser().get("/api/v1/openapi.json"));
      Set<Routes.ApiRoute> documented = new HashSet<>();
      doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
        documented.add(new Routes.ApiRoute(op.getKey(), path.getKey()));
        assertThat(op.getValue().get("responses")).as(path.getKey()).isNotNull();
      }));
      assertThat(documented).containsExactlyInAnyOrderElementsOf(web.server.apiRoutes());
      for (Routes.ApiRoute r : web.server.apiRoutes()) {
        if (r.method().equals("get") && !r.path().contains("{")) {
          assertThat(web.browser().get(r.path()).statusCode()).as(r.path()).isNotEqualTo(404).isLessThan(500);
        }
      }
    }
  }
}
