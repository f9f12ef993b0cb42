package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.web.http.Auth;

/** Scripts that authenticate wrongly get RFC 6750's answer (401 with a Bearer challenge), not the browsers' CSRF refusal. */
class BearerChallengeTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  private static void assertChallenged(HttpResponse<String> r, String error) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(c -> {
      assertThat(c).startsWith("Bearer realm=\"paperlens\"");
      if (error == null) {
        assertThat(c).doesNotContain("error=");
      } else {
        assertThat(c).contains("error=\"" + error + "\"");
      }
    });
    assertThat(r.body()).contains("\"status\":401").doesNotContain("CSRF");
  }

  @Test
  void a_vote_with_a_wrong_bearer_token_gets_401_with_an_invalid_token_challenge() {
    assertChallenged(web.browser().api("PUT", "/api/v1/papers/2401.00102/vote", null, "Authorization", "Bearer not-a-token"),
        "invalid_token");
  }

  @Test
  void a_vote_with_no_credentials_at_all_gets_401_with_a_bearer_challenge_not_a_csrf_refusal() {
    assertChallenged(web.browser().api("PUT", "/api/v1/papers/2401.00102/vote", null), null);
    assertChallenged(web.browser().api("DELETE", "/api/v1/library/2401.00102", null), null);
  }

  @Test
  void reading_a_members_library_with_no_credentials_gets_401_with_a_bearer_challenge() {
    assertChallenged(web.browser().api("GET", "/api/v1/library", null), null);
  }

  @Test
  void a_logged_in_browser_without_the_csrf_header_is_still_refused_with_403() {
    Browser b = web.browser().signUp("csrfstays");
    HttpResponse<String> r = b.api("PUT", "/api/v1/papers/2401.00102/vote", null);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("CSRF");
    assertThat(b.api("PUT", "/api/v1/papers/2401.00102/vote", null, Auth.CSRF_HEADER, b.csrf()).statusCode()).isEqualTo(200);
  }
}
