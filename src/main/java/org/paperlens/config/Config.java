package org.paperlens.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.VectorQuantization;
import org.paperlens.store.DatabaseUrl;

/**
 * The settings in effect, built once at start-up (defaults, then environment, then flags) and
 * passed down through constructors. Nothing reads the environment anywhere else.
 *
 * @param dataDir where the catalogue and the index live
 * @param model the embedding model for semantic search
 * @param indexSettings keyword ranking parameters (BM25, field weights) and the vector quantisation
 * @param newAccountAge how old an account must be before its upvotes, saves and submissions count
 *     in trending (zero: at once); sock-puppet accounts made for a push do not move the list
 * @param trustedProxies addresses of reverse proxies whose X-Forwarded-For names the client (for
 *     per-address limits); empty when clients connect directly, and then the header is ignored
 * @param databaseFlag where the catalogue and every store live when not in the data directory
 *     (PostgreSQL); null for the SQLite file in {@code dataDir}. Read it through {@link #database()}.
 * @param citationSources which citation sources the server asks, and how (both off by default)
 * @param trendingMinVoters how many members must vote in a window before trending is shown; with
 *     fewer, the home page and trending show "New and notable" ({@code notable.TrendingOrNotable})
 */
public record Config(Path dataDir, EmbeddingModel model, IndexSettings indexSettings, Duration newAccountAge,
    List<String> trustedProxies, DatabaseUrl databaseFlag, CitationSources citationSources, int trendingMinVoters) {

  public static final String DATA_ENV = "PAPERLENS_DATA";
  public static final String MODEL_ENV = "PAPERLENS_MODEL";
  public static final String NEW_ACCOUNT_HOURS_ENV = "PAPERLENS_NEW_ACCOUNT_HOURS";
  public static final String TRUSTED_PROXIES_ENV = "PAPERLENS_TRUSTED_PROXIES";
  public static final String DB_ENV = "PAPERLENS_DB";
  public static final String QUANTIZATION_ENV = "PAPERLENS_QUANTIZATION";
  public static final String DB_USER_ENV = "PAPERLENS_DB_USER";
  public static final String DB_PASSWORD_ENV = "PAPERLENS_DB_PASSWORD";
  public static final String TRENDING_MIN_VOTERS_ENV = "PAPERLENS_TRENDING_MIN_VOTERS";
  /** Enough members that one group of friends does not make the list; a small lab's site shows new and notable. */
  public static final int DEFAULT_TRENDING_MIN_VOTERS = 20;
  static final Path DEFAULT_DATA = Path.of("data");
  static final Duration DEFAULT_NEW_ACCOUNT_AGE = Duration.ofHours(24);

  public Config {
    if (newAccountAge.isNegative()) {
      throw new IllegalArgumentException("the new-account age must not be negative, was " + newAccountAge);
    }
    trustedProxies = List.copyOf(trustedProxies);
    java.util.Objects.requireNonNull(citationSources, "citationSources");
    if (trendingMinVoters < 0) {
      throw new IllegalArgumentException("the minimum number of trending voters must not be negative, was " + trendingMinVoters);
    }
  }

  /** Settings with the default minimum of trending voters. */
  public Config(Path dataDir, EmbeddingModel model, IndexSettings indexSettings, Duration newAccountAge,
      List<String> trustedProxies, DatabaseUrl databaseFlag, CitationSources citationSources) {
    this(dataDir, model, indexSettings, newAccountAge, trustedProxies, databaseFlag, citationSources, DEFAULT_TRENDING_MIN_VOTERS);
  }

  /** Settings without citation sources (how most commands and tests build them). */
  public Config(Path dataDir, EmbeddingModel model, IndexSettings indexSettings, Duration newAccountAge,
      List<String> trustedProxies, DatabaseUrl databaseFlag) {
    this(dataDir, model, indexSettings, newAccountAge, trustedProxies, databaseFlag, CitationSources.NONE);
  }

  /** Defaults overridden by the environment, then by a flag when one was given (null if not). */
  public static Config resolve(Map<String, String> env, Path dataFlag) {
    return resolve(env, dataFlag, null);
  }

  /**
   * Defaults overridden by the environment, then by flags when given (null if not).
   *
   * @param newAccountHoursFlag {@code --new-account-hours}
   */
  public static Config resolve(Map<String, String> env, Path dataFlag, Integer newAccountHoursFlag) {
    return resolve(env, dataFlag, newAccountHoursFlag, null);
  }

  /**
   * Defaults overridden by the environment, then by flags when given (null if not).
   *
   * @param dbFlag {@code --db}: a JDBC URL of the database for the catalogue and every store
   */
  public static Config resolve(Map<String, String> env, Path dataFlag, Integer newAccountHoursFlag, String dbFlag) {
    return resolve(env, dataFlag, newAccountHoursFlag, dbFlag, null);
  }

  /**
   * Defaults overridden by the environment, then by flags when given (null if not).
   *
   * @param quantizationFlag {@code --quantization}: how the embedded index stores vectors
   *     ({@link VectorQuantization#configName}); a change takes effect by a rebuild
   */
  public static Config resolve(Map<String, String> env, Path dataFlag, Integer newAccountHoursFlag, String dbFlag,
      String quantizationFlag) {
    Path data = DEFAULT_DATA;
    String fromEnv = env.get(DATA_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      data = Path.of(fromEnv);
    }
    if (dataFlag != null) {
      data = dataFlag;
    }
    EmbeddingModel model = EmbeddingModel.DEFAULT;
    String modelName = env.get(MODEL_ENV);
    if (modelName != null && !modelName.isBlank()) {
      model = EmbeddingModel.byName(modelName).orElseThrow(() -> new IllegalArgumentException(
          "$" + MODEL_ENV + " names an unknown embedding model '" + modelName + "'; known: " + EmbeddingModel.names()));
    }
    Duration newAccount = DEFAULT_NEW_ACCOUNT_AGE;
    String hours = env.get(NEW_ACCOUNT_HOURS_ENV);
    if (hours != null && !hours.isBlank()) {
      newAccount = Duration.ofHours(hoursValue(hours.strip(), "$" + NEW_ACCOUNT_HOURS_ENV));
    }
    if (newAccountHoursFlag != null) {
      newAccount = Duration.ofHours(hoursValue(newAccountHoursFlag.toString(), "--new-account-hours"));
    }
    List<String> proxies = List.of();
    String proxyList = env.get(TRUSTED_PROXIES_ENV);
    if (proxyList != null && !proxyList.isBlank()) {
      proxies = Arrays.stream(proxyList.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
    String db = dbFlag != null ? dbFlag : env.get(DB_ENV);
    DatabaseUrl database = db == null || db.isBlank() ? null
        : DatabaseUrl.parse(db, env.get(DB_USER_ENV), env.get(DB_PASSWORD_ENV));
    VectorQuantization quantization = VectorQuantization.DEFAULT;
    String quantizationEnv = env.get(QUANTIZATION_ENV);
    if (quantizationEnv != null && !quantizationEnv.isBlank()) {
      quantization = quantization(quantizationEnv, "$" + QUANTIZATION_ENV);
    }
    if (quantizationFlag != null) {
      quantization = quantization(quantizationFlag, "--quantization");
    }
    int minVoters = DEFAULT_TRENDING_MIN_VOTERS;
    String voters = env.get(TRENDING_MIN_VOTERS_ENV);
    if (voters != null && !voters.isBlank()) {
      minVoters = minVoters(voters.strip(), "$" + TRENDING_MIN_VOTERS_ENV);
    }
    return new Config(data, model, IndexSettings.DEFAULT.withQuantization(quantization)
        .withCodes(org.paperlens.index.VectorCodes.forModel(model.configName())), newAccount, proxies, database,
        CitationSources.resolve(env, CitationSources.Flags.NONE), minVoters);
  }

  /** A copy of these settings with another minimum of trending voters ({@code --trending-min-voters}, quoted when bad). */
  public Config withTrendingMinVoters(String raw, String source) {
    return withTrendingMinVoters(minVoters(raw, source));
  }

  public Config withTrendingMinVoters(int voters) {
    return new Config(dataDir, model, indexSettings, newAccountAge, trustedProxies, databaseFlag, citationSources, voters);
  }

  private static int minVoters(String raw, String source) {
    try {
      int n = Integer.parseInt(raw);
      if (n >= 0 && n <= 1_000_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(source + " must be a whole number of members from 0 to 1000000, was '" + raw + "'");
  }

  private static VectorQuantization quantization(String raw, String source) {
    return VectorQuantization.byName(raw).orElseThrow(() -> new IllegalArgumentException(
        source + " names an unknown vector quantisation '" + raw + "'; known: " + VectorQuantization.names()));
  }

  private static int hoursValue(String raw, String source) {
    try {
      int h = Integer.parseInt(raw);
      if (h >= 0 && h <= 24 * 365) {
        return h;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(source + " must be a whole number of hours from 0 to 8760, was '" + raw + "'");
  }

  /**
   * A copy of these settings with another data directory and the SQLite catalogue in it, whatever
   * {@code --db} said: evaluation keeps its corpora apart, also from a shared database.
   */
  public Config withDataDir(Path dir) {
    return new Config(dir, model, indexSettings, newAccountAge, trustedProxies, null, citationSources, trendingMinVoters);
  }

  /** A copy of these settings embedding with {@code other}, whose vectors new indexes code on its centre. */
  public Config withModel(EmbeddingModel other) {
    return new Config(dataDir, other, indexSettings.withCodes(org.paperlens.index.VectorCodes.forModel(other.configName())), newAccountAge, trustedProxies, databaseFlag, citationSources, trendingMinVoters);
  }

  public Config withIndexSettings(IndexSettings other) {
    return new Config(dataDir, model, other, newAccountAge, trustedProxies, databaseFlag, citationSources, trendingMinVoters);
  }

  /** A copy of these settings behind other proxies ({@code serve --trusted-proxy}). */
  public Config withTrustedProxies(List<String> proxies) {
    return new Config(dataDir, model, indexSettings, newAccountAge, proxies, databaseFlag, citationSources, trendingMinVoters);
  }

  /** Where the catalogue and every other store live: {@code --db}, else the SQLite file in the data directory. */
  public DatabaseUrl database() {
    return databaseFlag != null ? databaseFlag : DatabaseUrl.inDataDir(dataDir);
  }

  /** A copy of these settings on another database ({@code --db}). */
  public Config withDatabase(DatabaseUrl url) {
    return new Config(dataDir, model, indexSettings, newAccountAge, trustedProxies, url, citationSources, trendingMinVoters);
  }

  /** A copy of these settings with other citation sources ({@code serve --openalex}, …). */
  public Config withCitationSources(CitationSources other) {
    return new Config(dataDir, model, indexSettings, newAccountAge, trustedProxies, databaseFlag, other, trendingMinVoters);
  }

  /** Where the search index generations live. */
  public Path indexDir() {
    return dataDir.resolve("index");
  }

  /** How hybrid search combines its two rankings: min-max scaled scores, keyword weight 0.4, the best of RRF (k 5 to 60) and weights 0.2 to 0.5 on the SciFact train split (docs/relevance.md). */
  public org.paperlens.search.Fusion fusion() {
    return new org.paperlens.search.Fusion.WeightedScores(0.4f);
  }

  /** One line for logs, so every run says which settings it used. */
  public String describe() {
    return "data directory " + dataDir.toAbsolutePath().normalize()
        + (databaseFlag == null ? "" : ", database " + databaseFlag) + ", embedding model " + model.configName()
        + ", vectors " + indexSettings.quantization().configName() + " (" + indexSettings.codes().name() + ")"
        + ", trending counts accounts older than " + newAccountAge.toHours() + " h once " + trendingMinVoters + " members vote"
        + (trustedProxies.isEmpty() ? "" : ", trusted proxies " + String.join(" ", trustedProxies))
        + "; " + citationSources.describe();
  }
}
