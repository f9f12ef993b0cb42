package org.paperlens.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Trending;
import org.paperlens.config.Config;
import org.paperlens.digest.Cadence;
import org.paperlens.digest.CommunityTrending;
import org.paperlens.digest.DigestPlanner;
import org.paperlens.digest.LibraryRecommendations;
import org.paperlens.digest.Links;
import org.paperlens.digest.SubscriptionStore;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.RelatedPapers;
import org.paperlens.store.Database;

/**
 * Benchmark, not a test: builds the digests of 10,000 subscribers of mixed kinds over the last day
 * of listings in a data directory (a dry run: everything is ranked and rendered, nothing written or
 * sent), and prints a markdown section with the time of each run and the peak RSS.
 *
 * <p>Run by {@code bench/digest-build DATA_DIR}, which works on a copy of DATA_DIR.
 */
public final class DigestBuild {

  /** 10,000; a smaller number (-Dpaperlens.bench.subscribers=N) for a quick look while tuning. */
  private static final int SUBSCRIBERS = Integer.getInteger("paperlens.bench.subscribers", 10_000);
  private static final int RUNS = 3;

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Config config = Config.resolve(System.getenv(), data);
    Clock clock = Clock.systemUTC();
    try (CatalogueStore store = CatalogueStore.open(data);
        LuceneIndex index = LuceneIndex.open(config.indexDir(), config.indexSettings());
        Database db = Database.open(store.url())) {
      CommunityStore community = new CommunityStore(db, clock);
      LibraryStore library = new LibraryStore(db, community, clock);
      SubscriptionStore subs = new SubscriptionStore(store);
      LocalDate day = store.latestListing().orElseThrow();
      List<Paper> recent = store.listedBetween(day.minusDays(30), day);
      List<Paper> lastDay = recent.stream().filter(p -> p.firstListed().equals(day)).toList();
      long seedStart = System.nanoTime();
      int[] mix = seed(store, subs, new AccountStore(db, new PasswordHasher(8, 1, 1), clock), library, recent, lastDay, clock);

      System.err.printf(Locale.ROOT, "bench: %,d subscribers made in %.0f s%n", SUBSCRIBERS, (System.nanoTime() - seedStart) / 1e9);
      VectorStore vectors = new VectorStore(store);
      Recommender recommender = new Recommender(index,
          new RelatedPapers(index, id -> vectors.find(id, config.model()).map(PaperVector::vector).orElse(null), config.fusion()));
      DigestPlanner planner = new DigestPlanner(subs, index, new CommunityTrending(new org.paperlens.notable.TrendingOrNotable(new Trending(community, clock, config.newAccountAge()), null, 0)),
          new LibraryRecommendations(library, recommender, index), new Links("https://paperlens.example"), clock);
      List<Double> seconds = new ArrayList<>();
      DigestPlanner.Report report = null;
      List<DigestPlanner.Report> reports = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        report = planner.plan(true, true);
        reports.add(report);
        seconds.add((System.nanoTime() - start) / 1e9);
        System.err.printf(Locale.ROOT, "bench: run %d: %.1f s, %s%n", i + 1, seconds.getLast(), report);
      }
      List<Double> sorted = seconds.stream().sorted().toList();
      DigestPlanner.Report median = reports.get(seconds.indexOf(sorted.get(RUNS / 2)));
      long rssMiB = peakRssMiB();
      System.out.printf(Locale.ROOT, """
          ## Digest build

          %,d subscribers (%,d trending, %,d saved search, %,d category, %,d author, %,d personal from a library tag of 5 papers),
          daily, over the last day of the real listings (%s: %,d papers, in a catalogue of %,d).
          A dry run: every digest is ranked, de-duplicated against papers already sent, and rendered (HTML and text);
          nothing is written or sent, so SMTP time is excluded.

          | measure | value |
          |---|---|
          | time to build all digests (median of %d runs) | %.1f s |
          | runs | %s s |
          | digests built / empty | %,d / %,d |
          | papers in all digests | %,d |
          | peak RSS (whole JVM, including the first run's loading) | %,d MiB |

          Ranking time by kind in the median run, summed over the %d ranking threads (the rest of a
          run is reading the window, removing papers already sent, and rendering): %s.

          Command: `bench/digest-build DATA_DIR` (on a copy of DATA_DIR). Hardware: %s.
          """, SUBSCRIBERS, mix[0], mix[1], mix[2], mix[3], mix[4], day, lastDay.size(), store.count(), RUNS,
          sorted.get(RUNS / 2), String.join(", ", seconds.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList()),
          report.planned(), report.empty(), report.papers(), rssMiB, Runtime.getRuntime().availableProcessors(),
          String.join(", ", median.secondsByKind().entrySet().stream()
              .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue())).toList()),
          Hardware.describe());
    }
  }

  /** Creates the subscribers (confirmed, daily), a library for each personal one; fixed seed. */
  private static int[] seed(CatalogueStore store, SubscriptionStore subs, AccountStore accounts, LibraryStore library,
      List<Paper> recent, List<Paper> lastDay, Clock clock) {
    Random random = new Random(42);
    Subscriptions subscriptions = new Subscriptions(subs, new Links("https://paperlens.example"), clock);
    Cadence daily = Cadence.parse("daily", "7", null, "UTC");
    List<String> words = new ArrayList<>();
    for (Paper p : lastDay) {
      Arrays.stream(p.title().toLowerCase(Locale.ROOT).split("[^a-z]+")).filter(w -> w.length() > 5).forEach(words::add);
    }
    int[] mix = new int[5];
    for (int i = 0; i < SUBSCRIBERS; i++) {
      String email = "reader" + i + "@example.org";
      int kind = i % 20 < 6 ? 0 : i % 20 < 11 ? 1 : i % 20 < 15 ? 2 : i % 20 < 18 ? 3 : 4;
      mix[kind]++;
      Paper some = lastDay.get(random.nextInt(lastDay.size()));
      Topic topic = switch (kind) {
        case 0 -> new Topic.Trending();
        case 1 -> new Topic.SavedSearch(words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size())));
        case 2 -> new Topic.Category(some.categories().get(random.nextInt(some.categories().size())));
        case 3 -> new Topic.Author(random.nextInt(3) == 0 ? "Nobody Atall" + i : some.authors().get(random.nextInt(some.authors().size())));
        default -> new Topic.Tag("reading");
      };
      String user = null;
      if (kind == 4) {
        Account a = accounts.signUp("bench" + i, "bench-password-" + i);
        for (int j = 0; j < 5; j++) {
          library.save(a, recent.get(random.nextInt(recent.size())).id(), List.of("reading"));
        }
        user = Long.toString(a.id());
      } else if (kind != 0) {
        user = "bench-user-" + i;
      }
      Subscriptions.Pending p = subscriptions.subscribe(email, user, topic, daily);
      subscriptions.confirm(p.confirmToken());
    }
    return mix;
  }

  private static long peakRssMiB() throws java.io.IOException {
    for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private DigestBuild() {}

}
