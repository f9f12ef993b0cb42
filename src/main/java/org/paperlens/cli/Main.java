package org.paperlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.paperlens.app.IndexBackend;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code paperlens} command: global options, the subcommands, and exit-code mapping. */
@Command(
    name = "paperlens",
    mixinStandardHelpOptions = true,
    version = "paperlens 0.1.0",
    description = "A self-hostable discovery engine for research papers.",
    subcommands = {ImportCommand.class, HarvestCommand.class, EmbedCommand.class, ReindexCommand.class,
        ImportOpenAlexCommand.class,
        SearchCommand.class, RelatedCommand.class, RecommendCommand.class, ServeCommand.class, McpCommand.class, EvalCommand.class, EvalRelatedCommand.class,
        EvalGraphCommand.class,
        EvalRecommendCommand.class, StatsCommand.class, DigestCommand.class, ExportCommand.class, LibraryCommand.class,
        BackupCommand.class, RestoreCommand.class, MailCommand.class, AccountCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:nothing new (harvest: the catalogue did not change; import-openalex: no work was a catalogue paper)",
        "2:bad usage (unknown option, missing argument)",
        "3:bad input (unreadable, truncated or unknown-format file)",
        "4:catalogue error (cannot open, migrate or write the data directory)",
        "5:remote source failed (harvest gave up after retries)",
        "6:embedding model failed (cannot be loaded or run)",
        "70:internal error (a bug: please report it with the stack trace), or out of memory"})
public final class Main implements Runnable {

  @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Data directory (catalogue and index). Default: $" + Config.DATA_ENV + ", else ./data")
  Path dataDir;

  @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Database for the catalogue and every store, e.g. jdbc:postgresql://HOST:5432/NAME"
          + " (user and password in the URL's query or $" + Config.DB_USER_ENV + ", $" + Config.DB_PASSWORD_ENV + ")."
          + " Default: $" + Config.DB_ENV + ", else catalogue.db (SQLite) in the data directory")
  String database;

  @Option(names = "--new-account-hours", scope = ScopeType.INHERIT, paramLabel = "H",
      description = "Upvotes, saves and submissions count in trending once their account is this many hours old"
          + " (0: at once). Default: $" + Config.NEW_ACCOUNT_HOURS_ENV + ", else 24")
  Integer newAccountHours;

  @Option(names = "--trending-min-voters", scope = ScopeType.INHERIT, paramLabel = "N",
      description = "Trending shows once N members' upvotes, saves or submissions count in its window; with fewer, the"
          + " home page, trending, its feed, API and digest show \"New and notable\" (newest papers, code, members' interest,"
          + " citations). 0: always trending. Default: $" + Config.TRENDING_MIN_VOTERS_ENV + ", else "
          + Config.DEFAULT_TRENDING_MIN_VOTERS)
  Integer trendingMinVoters;

  @Option(names = "--quantization", scope = ScopeType.INHERIT, paramLabel = "CODE",
      description = "How the embedded index stores vectors for search: int8, int7, int4, 2bit or 1bit (see"
          + " docs/benchmarks.md). A change rebuilds the index (serve does it itself; otherwise 'paperlens reindex')."
          + " Default: $" + Config.QUANTIZATION_ENV + ", else int8")
  String quantization;

  @Option(names = "--solr", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Keep the search index in this SolrCloud collection (http://host:8983/solr/COLLECTION, several"
          + " nodes comma-separated) instead of the data directory. Default: $" + IndexBackend.SOLR_ENV + ", else embedded")
  String solr;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The process environment, or the one a test runs the command line with. */
  private final java.util.Map<String, String> env;

  private Main(java.util.Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** The settings in effect; a bad value in the environment is a usage error (exit 2) that quotes it. */
  Config config() {
    try {
      Config config = Config.resolve(env, dataDir, newAccountHours, database, quantization);
      return trendingMinVoters == null ? config : config.withTrendingMinVoters(trendingMinVoters.toString(), "--trending-min-voters");
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Where {@code config}'s search index lives: embedded, or the SolrCloud collection of {@code --solr}. */
  IndexBackend indexBackend(Config config) {
    try {
      return IndexBackend.of(config, solr, env);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The application root of a command: its settings and index engine; the command closes it. */
  PaperLens root(Config config) {
    return PaperLens.open(config, indexBackend(config), Clock.systemUTC());
  }

  /** As {@link #root(Config)}, with the mail server of the environment (for the commands that send mail). */
  PaperLens root(Config config, org.paperlens.config.MailSettings mail) {
    return PaperLens.builder(config, indexBackend(config), Clock.systemUTC()).mail(mail).build();
  }

  /** The environment, read in one place so commands (and tests through them) see the same one. */
  java.util.Map<String, String> environment() {
    return env;
  }

  /** Mail server and site URL from the environment; a bad value is a usage error (exit 2) that quotes it. */
  org.paperlens.config.MailSettings mailSettings(String baseUrl) {
    return mailSettings(baseUrl, org.paperlens.config.MailSettings.SERVE_HOST, org.paperlens.config.MailSettings.SERVE_PORT);
  }

  /** As {@link #mailSettings(String)}, for a site listening on {@code host}:{@code port} (the base URL's default). */
  org.paperlens.config.MailSettings mailSettings(String baseUrl, String host, int port) {
    try {
      return org.paperlens.config.MailSettings.resolve(env, baseUrl, host, port);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Held so the setting sticks: java.util.logging keeps only weak references to loggers. */
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    // java.util.logging in the one line format SLF4J's simple logger also writes (simplelogger.properties).
    org.paperlens.ops.OneLineFormatter.install();
    // Lucene announces its SIMD support at INFO on every start; only problems belong on stderr.
    LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, System.getenv(), out, err);
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter)}, with {@code env} in place of the process environment. */
  public static int run(String[] args, java.util.Map<String, String> env, PrintWriter out, PrintWriter err) {
    return execute(commandLine(env, out, err), args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(System.getenv(), out, err);
  }

  static CommandLine commandLine(java.util.Map<String, String> env, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main(env));
    cli.setOut(out);
    cli.setErr(err);
    Failures failures = new Failures();
    cli.setExecutionExceptionHandler(failures);
    cli.setParameterExceptionHandler(failures);
    return cli;
  }

  /**
   * Runs a command and returns its exit code, always one of the documented ones. Flushes both
   * streams before returning because {@link #main} exits at once, and a command that printed
   * without a line break (an export to standard output) would otherwise lose its output.
   */
  static int execute(CommandLine cli, String... args) {
    try {
      return cli.execute(args);
    } catch (Error e) {
      // picocli hands only Exceptions to the handler; an Error (out of memory) would otherwise
      // leave the JVM with a raw stack trace and exit code 1.
      return Failures.fatal(e, cli.getErr());
    } finally {
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }
}
