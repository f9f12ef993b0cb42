package org.paperlens.app;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.paperlens.account.AccountLimits;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Trending;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.IndexRebuild;
import org.paperlens.index.PaperIndex;
import org.paperlens.ingest.FetchLimits;
import org.paperlens.ingest.RecordFetcher;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.recommend.Recommender;
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
 */
public final class PaperLens implements AutoCloseable {

  private final Config config;
  private final IndexBackend backend;
  private final Clock clock;
  private final Builder parts;
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
  private LibraryStore library;
  private Trending trending;
  private AccountLimits accountLimits;
  private Optional<RecordFetcher> fetcher;
  private Digests digests;

  private PaperLens(Builder b) {
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
  public static Builder builder(Config config, IndexBackend backend, Clock clock) {
    return new Builder(config, backend, clock);
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

  public MailSettings mail() {
    return parts.mail;
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
  public IndexBuilder.VectorLookup vectors() {
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
      searcher = new Searcher(index(), queryEncoder());
    }
    return searcher;
  }

  public synchronized RelatedPapers related() {
    if (related == null) {
      related = new RelatedPapers(index(), vectors(), config.fusion());
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
    }
    return accounts;
  }

  public synchronized CommunityStore community() {
    if (community == null) {
      community = new CommunityStore(database(), clock);
    }
    return community;
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

  /** Log-in, sign-up and API token rate limits. */
  public synchronized AccountLimits accountLimits() {
    if (accountLimits == null) {
      accountLimits = parts.accountLimits != null ? parts.accountLimits : AccountLimits.standard(clock);
    }
    return accountLimits;
  }

  /** Fetches submitted papers missing from the catalogue; empty when no repository is configured. */
  public synchronized Optional<RecordFetcher> fetcher() {
    if (fetcher == null) {
      fetcher = parts.submissionsFrom == null ? Optional.empty()
          : Optional.of(opened.add(new RecordFetcher(catalogue(), parts.submissionsFrom, parts.fetchLimits)));
    }
    return fetcher;
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

  boolean serving() {
    return parts.serving;
  }

  @Override
  public synchronized void close() {
    opened.close();
  }

  /** The parts of a root that a server or a test chooses; everything else follows from them. */
  public static final class Builder {
    private final Config config;
    private final IndexBackend backend;
    private final Clock clock;
    private MailSettings mail = MailSettings.resolve(java.util.Map.of());
    private boolean serving;
    private PasswordHasher hasher = PasswordHasher.DEFAULT;
    private AccountLimits accountLimits;
    private QueryEncoder queryEncoder;
    private IndexBuilder.VectorLookup vectors;
    private Encoder.Options encoderOptions;
    private URI submissionsFrom;
    private FetchLimits fetchLimits = FetchLimits.SUBMISSION;

    private Builder(Config config, IndexBackend backend, Clock clock) {
      this.config = config;
      this.backend = backend;
      this.clock = clock;
    }

    /** The mail server and the site's public URL (default: none, so nothing can be mailed). */
    public Builder mail(MailSettings mail) {
      this.mail = mail;
      return this;
    }

    /** For a server: the live index, updated as the catalogue changes, and an encoder tuned for many queries. */
    public Builder serving() {
      this.serving = true;
      return this;
    }

    public Builder passwordHasher(PasswordHasher hasher) {
      this.hasher = hasher;
      return this;
    }

    public Builder accountLimits(AccountLimits limits) {
      this.accountLimits = limits;
      return this;
    }

    /** Queries to vectors without the model (a test's topic encoder). */
    public Builder queryEncoder(QueryEncoder encoder) {
      this.queryEncoder = encoder;
      return this;
    }

    /** Papers' vectors from elsewhere than the vector store (a test's fixed vectors). */
    public Builder vectors(IndexBuilder.VectorLookup vectors) {
      this.vectors = vectors;
      return this;
    }

    public Builder encoderOptions(Encoder.Options options) {
      this.encoderOptions = options;
      return this;
    }

    /** Where submitted papers missing from the catalogue are fetched (OAI-PMH); default nowhere. */
    public Builder submissionsFrom(URI oaiUrl, FetchLimits limits) {
      this.submissionsFrom = oaiUrl;
      this.fetchLimits = limits;
      return this;
    }

    public PaperLens build() {
      return new PaperLens(this);
    }
  }
}
