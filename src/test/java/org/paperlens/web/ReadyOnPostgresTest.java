package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.testing.TestDatabase;

/**
 * Issue 21: after a PostgreSQL outage both processes answered 503 to every page with a session
 * while {@code /api/v1/status} answered 200, so a health check on it kept them in rotation.
 * {@code /health/ready} goes 503 while the catalogue's database refuses connections (its
 * connections cut and new ones refused) and 200 once it takes them again; {@code /health/live}
 * stays 200 throughout. Runs in the PostgreSQL run only.
 */
class ReadyOnPostgresTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void ready_is_503_while_the_database_refuses_connections_and_200_after_while_live_stays_200() throws Exception {
    assumeTrue(TestDatabase.onPostgres(), "a PostgreSQL outage needs PostgreSQL: the PostgreSQL run has it");
    Browser b = web.browser();
    assertThat(b.get("/health/ready").statusCode()).isEqualTo(200);
    String url = web.store.url().jdbcUrl();
    String database = url.substring(url.indexOf('/', url.indexOf("//") + 2) + 1).replaceFirst("\\?.*", "");
    String admin = System.getenv().getOrDefault(TestDatabase.SERVER_ENV,
        "jdbc:postgresql://localhost:5432/postgres?user=paperlens&password=paperlens");
    try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
      try {
        st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        // Only client connections: an autovacuum worker on the database is the superuser's, and
        // terminating it is refused ("must be a superuser", seen in a CI run).
        st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
            + "' AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND usename = current_user");
        HttpResponse<String> ready = poll(b, 503);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        assertThat(Browser.json(ready).path("failed").toString()).contains("catalogue");
        assertThat(b.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(b.get("/api/v1/status").statusCode()).as("the status API, which kept answering 200").isEqualTo(200);
      } finally {
        st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
      }
    }
    HttpResponse<String> again = poll(b, 200);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
  }

  /** Asks /health/ready until it answers {@code status}, for up to 60 s. */
  private static HttpResponse<String> poll(Browser b, int status) throws InterruptedException {
    HttpResponse<String> r = b.get("/health/ready");
    for (int i = 0; i < 60 && r.statusCode() != status; i++) {
      Thread.sleep(1000);
      r = b.get("/health/ready");
    }
    return r;
  }
}
