package org.paperlens.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.community.CommunityStore;
import org.paperlens.digest.SubscriptionStore;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;

/**
 * Every SQL store on one test database (SQLite, or PostgreSQL on the pom's second run), wired as
 * the application root wires them: the catalogue on its connection, accounts, community and
 * library (and citations) on a second one, account deletion covering library, community and digests.
 */
public final class Stores implements AutoCloseable {

  public final CatalogueStore catalogue;
  public final Database db;
  public final AccountStore accounts;
  public final CommunityStore community;
  public final LibraryStore library;
  public final SubscriptionStore subscriptions;
  public final CitationStore citations;

  public Stores(Path dataDir, Clock clock) {
    catalogue = TestDatabase.catalogue(dataDir);
    db = Database.open(catalogue.url());
    accounts = new AccountStore(db, new PasswordHasher(1024, 1, 1), clock);
    community = new CommunityStore(db, clock);
    library = new LibraryStore(db, community, clock);
    subscriptions = new SubscriptionStore(catalogue);
    citations = new CitationStore(db);
    accounts.register(library);
    accounts.register(community);
    accounts.register(SubscriptionStore.ACCOUNT_DATA);
  }

  /** Puts a paper first listed on {@code listed} in {@code category} (its primary) and returns its id. */
  public PaperId paper(String id, LocalDate listed, String category) {
    Paper p = Paper.builder(new PaperId(id)).title("Title of " + id).abstractText("Abstract of " + id)
        .authors(List.of("Ada Lovelace")).primaryCategory(category).categories(List.of(category))
        .firstListed(listed).source("test").build();
    catalogue.write(w -> {
      w.put(p);
      return null;
    });
    return p.id();
  }

  @Override
  public void close() {
    db.close();
    catalogue.close();
  }
}
