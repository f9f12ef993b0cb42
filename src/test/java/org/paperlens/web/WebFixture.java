package org.paperlens.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.paperlens.account.AccountStore;
import org.paperlens.account.LoginThrottle;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Database;
import org.paperlens.community.Trending;
import org.paperlens.index.LuceneIndex;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.Fusion;
import org.paperlens.search.SearchFixture;
import org.paperlens.search.SearchMode;
import org.paperlens.search.Searcher;

/**
 * A real server on a random port over the small search fixture (11 papers, topic vectors, a
 * keyword-topic query encoder), with cheap Argon2 parameters so sign-ups are quick.
 */
final class WebFixture implements AutoCloseable {

  final CatalogueStore store;
  final LuceneIndex index;
  final Database db;
  final WebServer server;
  final String base;

  WebFixture(Path dir) throws Exception {
    store = SearchFixture.catalogue(dir.resolve("data"));
    SearchFixture.index(store, dir.resolve("data/index"));
    index = SearchFixture.open(dir.resolve("data/index"));
    db = Database.open(store.file());
    Clock clock = Clock.systemUTC();
    Fusion fusion = new Fusion.WeightedScores(0.4f);
    CommunityStore community = new CommunityStore(db, clock);
    WebServices services = new WebServices(store, index, new Searcher(index, SearchFixture.TOPICS),
        new RelatedPapers(index, id -> SearchFixture.VECTORS.get(id.value()), fusion),
        new AccountStore(db, new PasswordHasher(1024, 1, 1), clock), community, new LibraryStore(db, community, clock),
        new Trending(community, clock), new LoginThrottle(5, Duration.ofMinutes(15), clock),
        new SearchMode.Hybrid(fusion), fusion, clock);
    server = new WebServer(services);
    int port = server.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + port;
  }

  Browser browser() {
    return new Browser(base);
  }

  @Override
  public void close() {
    server.close();
    db.close();
    index.close();
    store.close();
  }
}
