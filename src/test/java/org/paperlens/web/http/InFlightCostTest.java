package org.paperlens.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paperlens.web.http.InFlight.Cost;

class InFlightCostTest {

  @Test
  void searches_with_a_query_related_papers_recommendations_and_mcp_calls_are_expensive() {
    assertThat(InFlight.cost("GET", "/search", "q=graph+neural&mode=hybrid")).isEqualTo(Cost.EXPENSIVE);
    assertThat(InFlight.cost("GET", "/api/v1/search", "mode=semantic&q=x")).isEqualTo(Cost.EXPENSIVE);
    assertThat(InFlight.cost("GET", "/search/feed", "q=x")).isEqualTo(Cost.EXPENSIVE);
    assertThat(InFlight.cost("GET", "/api/v1/papers/hep-th/9901001/related", null)).isEqualTo(Cost.EXPENSIVE);
    assertThat(InFlight.cost("GET", "/api/v1/recommendations", null)).isEqualTo(Cost.EXPENSIVE);
    assertThat(InFlight.cost("GET", "/recommended", "tag=ml")).isEqualTo(Cost.EXPENSIVE);
    assertThat(InFlight.cost("POST", "/mcp", null)).isEqualTo(Cost.EXPENSIVE);
  }

  @Test
  void pages_from_caches_are_never_refused_and_assets_are_not_even_counted() {
    assertThat(InFlight.cost("GET", "/search", null)).isEqualTo(Cost.ORDINARY);
    assertThat(InFlight.cost("GET", "/search", "q=&mode=hybrid")).isEqualTo(Cost.ORDINARY);
    assertThat(InFlight.cost("GET", "/search", "q=+++")).isEqualTo(Cost.ORDINARY);
    assertThat(InFlight.cost("GET", "/papers/2401.00101", null)).isEqualTo(Cost.ORDINARY);
    assertThat(InFlight.cost("GET", "/daily", "date=2024-01-03")).isEqualTo(Cost.ORDINARY);
    assertThat(InFlight.cost("POST", "/search", "q=x")).isEqualTo(Cost.ORDINARY);
    assertThat(InFlight.cost("GET", "/mcp", null)).isEqualTo(Cost.ORDINARY);
    assertThat(InFlight.cost("GET", "/static/app.css", null)).isEqualTo(Cost.CHEAP);
    assertThat(InFlight.cost("GET", "/health/ready", null)).isEqualTo(Cost.CHEAP);
    assertThat(InFlight.cost("GET", "/api/v1/status", null)).isEqualTo(Cost.CHEAP);
    assertThat(InFlight.cost("GET", "/metrics", null)).isEqualTo(Cost.CHEAP);
  }
}
