package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.citation.graph.CachedGraph;
import org.paperlens.index.Filters;
import org.paperlens.paper.PaperId;
import org.paperlens.related.RelatedPaper;
import org.paperlens.related.RelatedPapers;

/**
 * A catalogue without citation data (an empty citation store, on SQLite and on PostgreSQL): the
 * server's related papers, read through the API once its graph is built from the store, are
 * exactly those of related papers by text alone, as before citations existed: same papers, same
 * order, same scores and reasons.
 */
class RelatedWithoutCitationsTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  static final List<String> PAPERS = List.of("2401.00101", "2401.00102", "2401.00103", "2401.00104", "2401.00105",
      "2401.00106", "2401.00107", "2401.00108", "2401.00109", "2401.00110", "hep-th/9901001");

  @Test
  void every_paper_gets_exactly_the_text_ranking_of_before() {
    assertThat(((CachedGraph) web.root.related().citations().graph()).refresh().graph().edges()).isZero(); // built from the real, empty store
    RelatedPapers textOnly = new RelatedPapers(web.root.index(), web.root.vectors(), web.root.config().fusion());
    for (String id : PAPERS) {
      JsonNode served = ApiTest.ok(web.browser().get("/api/v1/papers/" + id + "/related?k=10")).get("related");
      List<String> got = new ArrayList<>();
      served.forEach(r -> got.add(r.get("id").asText() + " " + (float) r.get("score").asDouble() + " " + r.get("reason").asText()
          + " " + r.get("citations").isNull()));
      List<String> before = new ArrayList<>();
      for (RelatedPaper r : textOnly.find(new PaperId(id), Filters.NONE, 10)) {
        before.add(r.paper().id().value() + " " + r.score() + " " + r.reason() + " true");
      }
      assertThat(got).as(id).isNotEmpty().isEqualTo(before);
    }
  }
}
