package org.paperlens.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.paperlens.account.AccountLimits;
import org.paperlens.account.LimitStore;
import org.paperlens.account.AccountStore;
import org.paperlens.citation.graph.CachedGraph;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Trending;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.SubscriptionStore;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.index.IndexRebuild;
import org.paperlens.index.PaperIndex;
import org.paperlens.index.VectorLookup;
import org.paperlens.notable.NewAndNotable;
import org.paperlens.notable.TrendingOrNotable;
import org.paperlens.ingest.RecordFetcher;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.CitationSignal;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.QueryEncoder;
import org.paperlens.search.Searcher;
import org.paperlens.store.Database;

/**
 * The one application root: built from the configuration, the index engine and a clock, it owns
 * every long-lived component (stores and their connections, the index, the encoder, the search,
 * related and recommendation services, digests) and hands them out typed. {@code serve}, every
 * command and the tests take their objects from here, so they cannot be wired differently.
 *
 * <p>Each component is opened on first use and then shared: a {@code search} opens no account
 * store and {@code stats} no encoder. {@link #close} closes what was opened, in reverse order.
 * The getters are synchronized; a server asks for its components at start-up (see {@link Serving}),
 * and request threads use the components, never the root.
 *
 * <p>Longer than 300 lines because it is the one place every component is built: each getter is a
 * few lines, and splitting them up would split the wiring this class exists to keep in one place.
 */
public final class PaperLens implements AutoCloseable {

  private final Config config;
  private final IndexBackend backend;
  private final Clock clock;
  private final Parts parts;
  private final Opened opened = new Opened();

  private CatalogueStore catalogue;
  private Database database;
  private PaperIndex index;
  private Optional<PaperIndex> indexIfBuilt;
  private Encoder encoder;
  private Searcher searcher;
  private RelatedPapers related;
  private Recommender recommender;
  private AccountStore accounts;
  private CommunityStore community;
  private org.paperlens.moderation.Moderation moderation;
  private LibraryStore library;
  private Trending trending;
  private TrendingOrNotable trendingOrNotable;
  private AccountLimits accountLimits;
  private LimitStore limitStore;
  private Optional<RecordFetcher> fetcher;
  private Digests digests;
  private CitationStore citations;

  PaperLens(Parts b) {
    this.config = b.config;
    this.backend = b.backend;
    this.clock = b.clock;
    this.parts = b;
  }

  /** A root with the production parts. */
  public static PaperLens open(Config config, IndexBackend backend, Clock clock) {
    return builder(config, backend, clock).build();
  }

  /** A root whose parts may be swapped first (a server's live index, a test's cheap password hashing). */
  public static Parts builder(Config config, IndexBackend backend, Clock clock) {
    return new Parts(config, backend, clock);
  }

  public Config config() {
    return config;
  }

  public IndexBackend backend() {
    return backend;
  }

  public Clock clock() {
    return clock;
  }

  /** The mail server, none while mail is held for the data directory ({@link org.paperlens.backup.MailHold}: a restored copy). */
  public MailSettings mail() {
    return org.paperlens.backup.MailHold.of(config.dataDir()).apply(parts.mail);
  }

  /** How a server shows itself to operators: metrics token, request log. */
  public org.paperlens.ops.Operations operations() {
    return parts.operations;
  }

  /** The catalogue, its schema brought up to date. */
  public synchronized CatalogueStore catalogue() {
    if (catalogue == null) {
      catalogue = opened.add(CatalogueStore.open(config.database()));
    }
    return catalogue;
  }

  /**
   * A connection of its own to the catalogue's database, for the account, community and library
   * stores: their short transactions never queue behind the catalogue's long scans.
   */
  public synchronized Database database() {
    if (database == null) {
      database = opened.add(Database.open(catalogue().url()));
    }
    return database;
  }

  public VectorStore vectorStore() {
    return new VectorStore(catalogue());
  }

  /** Each paper's stored vector of the configured model, looked up one paper at a time. */
  public VectorLookup vectors() {
    if (parts.vectors != null) {
      return parts.vectors;
    }
    VectorStore vectors = vectorStore();
    return id -> vectors.find(id, config.model()).map(PaperVector::vector).orElse(null);
  }

  /** Rebuilds the index from the catalogue, in the configured engine. */
  public IndexRebuild rebuilder() {
    return backend.rebuilder();
  }

  /**
   * The search index: for a server the live one it keeps up to date, for a command the one built.
   * @throws org.paperlens.index.IndexMissingException when a command finds none built yet
   */
  public synchronized PaperIndex index() {
    if (index == null) {
      index = opened.add(parts.serving ? backend.openLive() : backend.openForSearch());
    }
    return index;
  }

  /** The index a server keeps up to date as the catalogue changes. */
  synchronized org.paperlens.index.LiveSearchIndex liveIndex() {
    if (!parts.serving) {
      throw new IllegalStateException("only a root built serving() has a live index");
    }
    return (org.paperlens.index.LiveSearchIndex) index();
  }

  /** The index, or empty when none is built yet: for commands that can do part of their job without one. */
  public synchronized Optional<PaperIndex> indexIfBuilt() {
    if (index != null) {
      return Optional.of(index);
    }
    if (indexIfBuilt == null) {
      indexIfBuilt = parts.serving ? Optional.of(index()) : backend.openIfBuilt().map(opened::add);
      indexIfBuilt.ifPresent(i -> index = i);
    }
    return indexIfBuilt;
  }

  /**
   * The configured model, loaded. A server runs one intra-op thread per query and as many queries
   * at once as there are cores: under concurrent load that beats two threads per query.
   */
  public synchronized Encoder encoder() {
    if (encoder == null) {
      encoder = opened.add(Encoder.open(config.model(), parts.encoderOptions != null ? parts.encoderOptions
          : parts.serving ? new Encoder.Options(1, Encoder.Options.DEFAULT_BATCH_SIZE) : Encoder.Options.DEFAULT));
    }
    return encoder;
  }

  /** Queries to vectors; the encoder is loaded by the first query that needs it. */
  QueryEncoder queryEncoder() {
    if (parts.queryEncoder != null) {
      return parts.queryEncoder;
    }
    if (parts.serving) {
      return Serving.queryEncoder(encoder());
    }
    return text -> encoder().embedQuery(text);
  }

  public synchronized Searcher searcher() {
    if (searcher == null) {
      searcher = new Searcher(index(), queryEncoder(), new org.paperlens.search.Sorting(new StoredCounts(this::citations), new StoredVotes(this::community)));
    }
    return searcher;
  }

  public synchronized RelatedPapers related() {
    if (related == null) {
      // The graph of every stored citation: a server rebuilds it in the background when the store changes, a command on first use
      CachedGraph graph = opened.add(new CachedGraph(citations()::generation, citations()::forEachEdge, CachedGraph.RECHECK, !parts.serving));
      related = new RelatedPapers(index(), vectors(), config.fusion(), CitationSignal.of(graph));
    }
    return related;
  }

  public synchronized Recommender recommender() {
    if (recommender == null) {
      recommender = new Recommender(index(), related());
    }
    return recommender;
  }

  public synchronized AccountStore accounts() {
    if (accounts == null) {
      accounts = new AccountStore(database(), parts.hasher, clock);
      // What an account owns elsewhere goes in its deleting transaction (AccountData).
      accounts.register(library());
      accounts.register(community());
      accounts.register(SubscriptionStore.ACCOUNT_DATA);
    }
    return accounts;
  }

  public synchronized CommunityStore community() {
    if (community == null) {
      community = new CommunityStore(database(), clock);
    }
    return community;
  }

  /** Reports, hiding, suspension and the audit log. */
  public synchronized org.paperlens.moderation.Moderation moderation() {
    if (moderation == null) {
      moderation = new org.paperlens.moderation.Moderation(database(), accounts(), community(), clock);
    }
    return moderation;
  }

  public synchronized LibraryStore library() {
    if (library == null) {
      library = new LibraryStore(database(), community(), clock);
    }
    return library;
  }

  public synchronized Trending trending() {
    if (trending == null) {
      trending = new Trending(community(), clock, config.newAccountAge());
    }
    return trending;
  }

  /** Trending once {@code Config#trendingMinVoters} members vote in a window, new and notable until then. */
  public synchronized TrendingOrNotable trendingOrNotable() {
    return trendingOrNotable != null ? trendingOrNotable : (trendingOrNotable = new TrendingOrNotable(trending(),
        new NewAndNotable(catalogue(), community(), new StoredCounts(this::citations), clock), config.trendingMinVoters()));
  }

  /** Log-in, sign-up and API token rate limits. */
  public synchronized AccountLimits accountLimits() {
    if (accountLimits == null) {
      accountLimits = parts.accountLimits != null ? parts.accountLimits : AccountLimits.forCatalogue(clock, limitStore());
    }
    return accountLimits;
  }

  /** Rate-limit counts and signing keys, shared by every process on the catalogue (see {@link LimitStore}). */
  public synchronized LimitStore limitStore() {
    if (limitStore == null) {
      limitStore = new LimitStore(database());
    }
    return limitStore;
  }

  /** Fetches submitted papers missing from the catalogue; empty when no repository is configured. */
  public synchronized Optional<RecordFetcher> fetcher() {
    if (fetcher == null) {
      fetcher = parts.submissionsFrom == null ? Optional.empty()
          : Optional.of(opened.add(new RecordFetcher(catalogue(), parts.submissionsFrom, parts.fetchLimits)));
    }
    return fetcher;
  }

  /**
   * Citations, counts, venues and author identities, on a connection of its own: the graph's scan
   * of every edge and the enrichment's writes must not hold up log-ins or the catalogue.
   */
  public synchronized CitationStore citations() {
    if (citations == null) {
      citations = new CitationStore(opened.add(Database.open(catalogue().url())));
    }
    return citations;
  }

  /** Digest planning and sending, subscriptions and the mail schedule: the same for serve and the command line. */
  public synchronized Digests digests() {
    if (digests == null) {
      digests = new Digests(this);
    }
    return digests;
  }

  /** Opened by {@link Serving}, so that it is closed in the order it was opened. */
  <T extends AutoCloseable> T own(T resource) {
    return opened.add(resource);
  }

  /** The classes of what this root has open, in opening order. */
  List<Class<?>> openedTypes() {
    return opened.types();
  }

  boolean serving() {
    return parts.serving;
  }

  @Override
  public synchronized void close() {
    opened.close();
  }
}
