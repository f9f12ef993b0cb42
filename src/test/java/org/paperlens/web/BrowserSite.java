package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.CommunityStore;
import org.paperlens.app.IndexBackend;
import org.paperlens.app.PaperLens;
import org.paperlens.app.Web;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Chromium;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.ServerLimits;

/**
 * Headless Chromium ({@link Chromium}) and, for it to visit, the web app as {@code paperlens serve} assembles it, on a random port, over a data directory
 * made by the real commands ({@code import}, {@code embed} with the bge model, {@code reindex})
 * from the search fixture plus {@code web-hostile.jsonl}, a paper whose title, authors, comment
 * and abstract are full of markup and quotes, and {@code web-math.jsonl}, a paper with TeX math
 * in its title and abstract. Originally:
 * and abstract are full of markup and quotes. For the browser tests: real embeddings, so
 * semantic search and related papers behave as in production. Argon2 is cheap here so sign-ups are quick.
 */
final class BrowserSite implements AutoCloseable {

  /** The paper with TeX math and text commands in its title and abstract. */
  static final String MATH = "2401.00130";

  /** The paper whose every text field tries to inject markup. */
  static final String HOSTILE = "2401.00120";

  final String base;
  final Chromium chromium;
  /** The application root the site is served from, as serve builds it, with cheap password hashing. */
  private final PaperLens root;
  private final AccountStore accounts;
  private final CommunityStore community;

  /**
   * One site per test class, in a temporary directory removed afterwards:
   * {@code @RegisterExtension static final BrowserSite.PerClass web = new BrowserSite.PerClass();}
   */
  static final class PerClass implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private BrowserSite site;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
      dir = Files.createTempDirectory("paperlens-browser");
      site = start(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
      try {
        if (site != null) {
          site.close();
        }
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }

    BrowserSite site() {
      return site;
    }
  }

  /** Launches Chromium first, so a machine without it skips the test class before any work. */
  static BrowserSite start(Path dir) {
    Chromium chromium = Chromium.launch();
    try {
      return new BrowserSite(dir, chromium);
    } catch (RuntimeException | Error e) {
      chromium.close();
      throw e;
    }
  }

  private BrowserSite(Path dir, Chromium chromium) {
    this.chromium = chromium;
    String data = dir.resolve("data").toString();
    run("import", "--data", data, Fixtures.path("search-corpus.jsonl").toString(), Fixtures.path("web-hostile.jsonl").toString(),
        Fixtures.path("web-math.jsonl").toString());
    run("embed", "--data", data);
    run("reindex", "--data", data);
    // Trending from the first voter: the journeys vote and expect trending, as a site with members has it.
    Config config = TestDatabase.config(Config.resolve(System.getenv(), Path.of(data), 0)).withTrendingMinVoters(1);
    Clock clock = Clock.systemUTC();
    // Subscriptions and feeds as serve runs them without a mail server; no arXiv fetcher: the tests
    // submit papers already in the catalogue.
    root = PaperLens.builder(config, IndexBackend.of(config, null, java.util.Map.of()), clock)
        .passwordHasher(new PasswordHasher(1024, 1, 1))
        .accountLimits(org.paperlens.account.AccountLimits.standard(clock).withSignUpsPerHour(1_000, clock))
        .mail(MailSettings.resolve(java.util.Map.of(MailSettings.BASE_URL_ENV, "http://paperlens.test"))).build();
    accounts = root.accounts();
    community = root.community();
    WebServer server = Web.server(root, ServerLimits.DEFAULT, ClientAddresses.direct(), true, null);
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
  }

  /** Earlier community activity: member {@code name} (signed up now) has upvoted {@code ids}. */
  void upvotedEarlier(String name, String... ids) {
    Account member = accounts.signUp(name, "an earlier member's password");
    for (String id : ids) {
      community.upvote(member, new PaperId(id));
    }
  }

  String url(String path) {
    return base + path;
  }

  private static void run(String... args) {
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as("paperlens %s: %s", String.join(" ", args), r.err()).isZero();
  }

  @Override
  public void close() {
    try (chromium; root) {
      // closed in reverse order: the server first, Chromium last
    }
  }
}
