package org.paperlens.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.paperlens.account.AccountLimits;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Trending;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.Fusion;
import org.paperlens.search.SearchFixture;
import org.paperlens.search.SearchMode;
import org.paperlens.search.Searcher;
import org.paperlens.store.Database;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.ServerLimits;

/**
 * A real server on a random port over the small search fixture (11 papers, topic vectors, a
 * keyword-topic query encoder), with cheap Argon2 parameters so sign-ups are quick. Use as
 * {@code @RegisterExtension static final WebFixture web = new WebFixture();}: one server per test class.
 */
final class WebFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  CatalogueStore store;
  LuceneIndex index;
  Database db;
  WebServer server;
  String base;
  private Path dir;

  private final java.net.URI oaiUrl;
  private org.paperlens.ingest.RecordFetcher fetcher;

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

  /** Subscriptions and feeds, when a test asks for them (see SubscriptionWebTest). */
  interface Digests {
    DigestServices services(CatalogueStore store, Clock clock);
  }

  private Digests digests;
  private ServerLimits limits = ServerLimits.DEFAULT;
  /** Every test browser signs up from 127.0.0.1, so sign-ups are plentiful unless a test asks otherwise. */
  private java.util.function.Function<Clock, AccountLimits> accountLimits = c -> AccountLimits.standard(c).withSignUpsPerHour(1_000, c);

  /** Test accounts are seconds old: their votes count in trending unless a test asks otherwise. */
  private Duration newAccountAge = Duration.ZERO;

  /** Serves trending counting only accounts at least {@code age} old. */
  WebFixture withNewAccountAge(Duration age) {
    this.newAccountAge = age;
    return this;
  }

  private java.util.List<String> trustedProxies = java.util.List.of();

  /** Serves behind these proxies: their X-Forwarded-For names the client. */
  WebFixture withTrustedProxies(java.util.List<String> proxies) {
    this.trustedProxies = proxies;
    return this;
  }

  /** Serves with these account limits (call before the server starts, i.e. on a registered extension). */
  WebFixture withAccountLimits(java.util.function.Function<Clock, AccountLimits> limits) {
    this.accountLimits = limits;
    return this;
  }

  WebFixture(Digests digests) {
    this.oaiUrl = null;
    this.digests = digests;
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
    store = SearchFixture.catalogue(dir.resolve("data"));
    SearchFixture.index(store, dir.resolve("data/index"));
    index = SearchFixture.open(dir.resolve("data/index"));
    db = Database.open(store.url());
    fetcher = oaiUrl == null ? null : new org.paperlens.ingest.RecordFetcher(store, oaiUrl, Duration.ofSeconds(5));
    Clock clock = Clock.systemUTC();
    Fusion fusion = new Fusion.WeightedScores(0.4f);
    CommunityStore community = new CommunityStore(db, clock);
    RelatedPapers related = new RelatedPapers(index, id -> SearchFixture.VECTORS.get(id.value()), fusion);
    WebServices services = new WebServices(store, index, new Searcher(index, SearchFixture.TOPICS), related,
        new Recommender(index, related),
        new AccountStore(db, new PasswordHasher(1024, 1, 1), clock), community, new LibraryStore(db, community, clock),
        new Trending(community, clock, newAccountAge), accountLimits.apply(clock),
        new SearchMode.Hybrid(fusion), fusion, java.util.Optional.ofNullable(fetcher), clock);
    server = new WebServer(services, digests == null ? null : digests.services(store, clock), limits,
        ClientAddresses.behind(trustedProxies));
    int port = server.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + port;
  }

  Browser browser() {
    return new Browser(base);
  }

  /** Closes what was opened: when start-up stopped half-way (no PostgreSQL to run on), only that part. */
  @Override
  public void close() {
    for (AutoCloseable c : new AutoCloseable[] {server, fetcher, db, index, store}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
