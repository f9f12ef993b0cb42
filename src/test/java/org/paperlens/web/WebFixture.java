package org.paperlens.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.paperlens.account.AccountLimits;
import org.paperlens.account.PasswordHasher;
import org.paperlens.app.IndexBackend;
import org.paperlens.app.PaperLens;
import org.paperlens.app.Web;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.ingest.FetchLimits;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.search.SearchFixture;
import org.paperlens.store.Database;
import org.paperlens.testing.TestDatabase;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.ServerLimits;

/**
 * A real server on a random port over the small search fixture (11 papers, topic vectors, a
 * keyword-topic query encoder), with cheap Argon2 parameters so sign-ups are quick. Use as
 * {@code @RegisterExtension static final WebFixture web = new WebFixture();}: one server per test class.
 */
final class WebFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  CatalogueStore store;
  Database db;
  WebServer server;
  String base;
  /** The application root the server is built from, as serve builds it, with a test's parts. */
  PaperLens root;
  private Path dir;

  private final java.net.URI oaiUrl;

  WebFixture() {
    this.oaiUrl = null;
  }

  WebFixture(Path dir) throws Exception {
    this(dir, null);
  }

  /** A server in {@code dir} that fetches unknown submitted ids from {@code oaiUrl} (null for none). */
  WebFixture(Path dir, java.net.URI oaiUrl) throws Exception {
    this.oaiUrl = oaiUrl;
    start(dir);
  }

  /** Subscriptions and feeds served, mailing through {@code mail} (read when the server starts). */
  WebFixture(Supplier<MailSettings> mail) {
    this(mail, root -> {});
  }

  /** As {@link #WebFixture(Supplier)}; {@code started} sees the root once the server runs (for a test's own digest run). */
  WebFixture(Supplier<MailSettings> mail, Consumer<PaperLens> started) {
    this.oaiUrl = null;
    this.mail = mail;
    this.started = started;
  }

  /** Settings that can mail (a server that nothing listens on) with links to {@code site}. */
  static MailSettings mailLinkingTo(String site) {
    return MailSettings.resolve(Map.of(MailSettings.HOST_ENV, "127.0.0.1", MailSettings.PORT_ENV, "9",
        MailSettings.BASE_URL_ENV, site));
  }

  private Supplier<MailSettings> mail;
  private Consumer<PaperLens> started = root -> {};
  private ServerLimits limits = ServerLimits.DEFAULT;
  /** Every test browser signs up from 127.0.0.1, so sign-ups are plentiful unless a test asks otherwise. */
  private Function<Clock, AccountLimits> accountLimits = c -> AccountLimits.standard(c).withSignUpsPerHour(1_000, c);

  /** Test accounts are seconds old: their votes count in trending unless a test asks otherwise. */
  private Duration newAccountAge = Duration.ZERO;

  /** Serves trending counting only accounts at least {@code age} old. */
  WebFixture withNewAccountAge(Duration age) {
    this.newAccountAge = age;
    return this;
  }

  /**
   * One member's vote is enough for trending in tests (they vote with one or two accounts) unless a
   * test asks otherwise: {@link #withTrendingMinVoters}, as a fresh install has it, shows new and notable.
   */
  private int trendingMinVoters = 1;

  /** Serves trending once {@code voters} members vote in a window, new and notable until then. */
  WebFixture withTrendingMinVoters(int voters) {
    this.trendingMinVoters = voters;
    return this;
  }

  private List<String> trustedProxies = List.of();

  private org.paperlens.ops.Operations operations = org.paperlens.ops.Operations.NONE;

  /** Serves with this metrics token and request log (call before the server starts). */
  WebFixture withOperations(org.paperlens.ops.Operations operations) {
    this.operations = operations;
    return this;
  }

  /** Serves behind these proxies: their X-Forwarded-For names the client. */
  WebFixture withTrustedProxies(List<String> proxies) {
    this.trustedProxies = proxies;
    return this;
  }

  /** Serves with these account limits (call before the server starts, i.e. on a registered extension). */
  WebFixture withAccountLimits(Function<Clock, AccountLimits> limits) {
    this.accountLimits = limits;
    return this;
  }

  private org.paperlens.search.QueryEncoder queryEncoder = SearchFixture.TOPICS;

  /** Embeds queries with this encoder instead of the topic fake (a blocking one holds searches mid-way). */
  WebFixture withQueryEncoder(org.paperlens.search.QueryEncoder encoder) {
    this.queryEncoder = encoder;
    return this;
  }

  /** Serves with other limits on reading requests (a short idle timeout, to see it expire). */
  WebFixture withLimits(ServerLimits limits) {
    this.limits = limits;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("paperlens-web");
    start(dir);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  private void start(Path dir) throws Exception {
    Path data = dir.resolve("data");
    try (CatalogueStore fixture = SearchFixture.catalogue(data)) {
      SearchFixture.index(fixture, data.resolve("index"));
    }
    Config resolved = TestDatabase.config(Config.resolve(Map.of(), data));
    Config config = new Config(resolved.dataDir(), resolved.model(), resolved.indexSettings(), newAccountAge,
        trustedProxies, resolved.databaseFlag()).withTrendingMinVoters(trendingMinVoters);
    Clock clock = Clock.systemUTC();
    org.paperlens.app.Parts builder = PaperLens.builder(config, IndexBackend.of(config, null, Map.of()), clock)
        .passwordHasher(new PasswordHasher(1024, 1, 1)).accountLimits(accountLimits.apply(clock))
        .queryEncoder(queryEncoder).vectors(id -> SearchFixture.VECTORS.get(id.value()))
        .submissionsFrom(oaiUrl, FetchLimits.SUBMISSION.withTimeout(Duration.ofSeconds(5))).operations(operations);
    if (mail != null) {
      builder.mail(mail.get());
    }
    root = builder.build();
    store = root.catalogue();
    db = root.database();
    server = Web.server(root, limits, ClientAddresses.behind(trustedProxies), mail != null, null);
    int port = server.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + port;
    started.accept(root);
  }

  Browser browser() {
    return new Browser(base);
  }

  /** Closes what was opened: when start-up stopped half-way (no PostgreSQL to run on), only that part. */
  @Override
  public void close() {
    if (root != null) {
      root.close();
    }
  }
}
