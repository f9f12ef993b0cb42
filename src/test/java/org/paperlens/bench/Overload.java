package org.paperlens.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Benchmark client, not a test: fresh hybrid searches against one {@code paperlens serve}, closed
 * loop (each connection asks again as soon as it has its answer, also after a 503), every request
 * a query text of its own taken in turn from a list, so no query repeats within a run and none is
 * in the server's caches. Unlike wrk it keeps the latencies of answered requests and of 503s apart,
 * and reads the server's CPU time per thread from /proc before and after, grouped by thread name.
 *
 * <p>Usage: {@code Overload BASE_URL SERVER_PID QUERIES_FILE FROM SCENARIO...}, each scenario
 * {@code load:CONNECTIONS:SECONDS[:MAX_QUERIES[:retry-after]]} (with {@code retry-after} a connection
 * answered 503 waits as told before asking again), {@code idle:N} (N queries one after the other: the idle p50) or
 * {@code recovery:SECONDS} (one query every half second until one answers within 1.2 times the idle
 * p50, at most SECONDS). Prints one line per scenario ({@code overload: key=value ...}) and last the
 * line number after the last query used ({@code next=N}).
 */
public final class Overload {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final long pid;
  private final List<String> queries;
  private final AtomicInteger next;
  private double idleP50Ms = Double.NaN;

  private Overload(String base, long pid, List<String> queries, int from) {
    this.base = base;
    this.pid = pid;
    this.queries = queries;
    this.next = new AtomicInteger(from);
  }

  public static void main(String[] args) throws Exception {
    List<String> queries = Files.readAllLines(Path.of(args[2]));
    Overload o = new Overload(args[0], Long.parseLong(args[1]), queries, Integer.parseInt(args[3]));
    for (String scenario : Arrays.asList(args).subList(4, args.length)) {
      String[] p = scenario.split(":");
      switch (p[0]) {
        case "idle" -> o.idle(Integer.parseInt(p[1]));
        case "load" -> o.load(Integer.parseInt(p[1]), Integer.parseInt(p[2]), p.length > 3 ? Integer.parseInt(p[3]) : Integer.MAX_VALUE,
            p.length > 4 && p[4].equals("retry-after"));
        case "recovery" -> o.recovery(Integer.parseInt(p[1]));
        default -> throw new IllegalArgumentException("unknown scenario " + scenario);
      }
    }
    System.out.println("next=" + o.next.get());
  }

  /** The next query's path; null when the list is used up (the run then stops asking). */
  private String nextPath() {
    int i = next.getAndIncrement();
    return i < queries.size() ? "/search?mode=hybrid&q=" + queries.get(i) : null;
  }

  private record Answer(int status, long nanos, int retryAfter) {}

  private Answer ask(String path) {
    long start = System.nanoTime();
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      int wait = r.headers().firstValue("Retry-After").map(v -> {
        try {
          return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
          return 1;
        }
      }).orElse(1);
      return new Answer(r.statusCode(), System.nanoTime() - start, wait);
    } catch (IOException e) {
      return new Answer(-1, System.nanoTime() - start, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, System.nanoTime() - start, 0);
    }
  }

  private void idle(int n) {
    long[] ms = new long[n];
    for (int i = 0; i < n; i++) {
      String path = nextPath();
      if (path == null) {
        break;
      }
      ms[i] = ask(path).nanos();
    }
    Arrays.sort(ms);
    idleP50Ms = ms[n / 2] / 1e6;
    System.out.printf(Locale.ROOT, "overload: scenario=idle queries=%d p50_ms=%.1f p99_ms=%.1f%n", n, idleP50Ms, ms[(int) (n * 0.99)] / 1e6);
  }

  /**
   * At most {@code seconds}, and at most {@code limit} queries (a warm-up asks for a number of them).
   * With {@code retryAfter} a connection answered 503 waits the Retry-After it was given before it
   * asks again, as a well-behaved client does; without, it asks again at once (the worst case).
   */
  private void load(int connections, int seconds, int limit, boolean retryAfter) throws Exception {
    ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> refused = new ConcurrentLinkedQueue<>();
    LongAdder errors = new LongAdder();
    LongAdder other = new LongAdder();
    Map<String, Long> cpuBefore = threadCpu();
    double loadBefore = loadAverage();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    int firstQuery = next.get();
    int stopAt = (int) Math.min((long) firstQuery + limit, Integer.MAX_VALUE);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      threads.add(Thread.ofVirtual().start(() -> {
        while (System.nanoTime() < end) {
          if (next.get() >= stopAt) {
            return;
          }
          String path = nextPath();
          if (path == null) {
            return;
          }
          Answer a = ask(path);
          if (a.status() == 200) {
            answered.add(a.nanos());
          } else if (a.status() == 503) {
            refused.add(a.nanos());
            if (retryAfter) {
              try {
                Thread.sleep(1000L * a.retryAfter());
              } catch (InterruptedException e) {
                return;
              }
            }
          } else if (a.status() < 0) {
            errors.increment();
          } else {
            other.increment();
          }
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    Map<String, Long> cpuAfter = threadCpu();
    long[] ok = answered.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] no = refused.stream().mapToLong(Long::longValue).sorted().toArray();
    long cpuTicks = sum(cpuAfter) - sum(cpuBefore);
    double tick = 1000.0 / 100; // ms per clock tick (USER_HZ is 100 on Linux)
    int used = Math.min(next.get(), queries.size()) - firstQuery;
    StringBuilder groups = new StringBuilder();
    for (Map.Entry<String, Long> g : byGroup(cpuBefore, cpuAfter).entrySet()) {
      if (g.getValue() > 0) {
        groups.append(groups.isEmpty() ? "" : ",").append(g.getKey().replace(' ', '_')).append(':')
            .append(String.format(Locale.ROOT, "%.2f", ok.length == 0 ? 0 : g.getValue() * tick / ok.length));
      }
    }
    System.out.printf(Locale.ROOT, "overload: scenario=load connections=%d seconds=%.1f queries_used=%d answered=%d refused=%d"
            + " errors=%d other=%d answered_per_s=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f refused_p99_ms=%.1f"
            + " cpu_ms=%.0f cpu_ms_per_answered=%.2f cpu_ms_per_request=%.2f load_before=%.2f load_after=%.2f cpu_by_thread=%s%n",
        connections, wall, used, ok.length, no.length, errors.sum(), other.sum(), ok.length / wall, pct(ok, 50), pct(ok, 90),
        pct(ok, 99), pct(ok, 100), pct(no, 99), cpuTicks * tick, ok.length == 0 ? 0 : cpuTicks * tick / ok.length,
        (ok.length + no.length) == 0 ? 0 : cpuTicks * tick / (ok.length + no.length), loadBefore, loadAverage(), groups);
  }

  private void recovery(int seconds) throws InterruptedException {
    long start = System.nanoTime();
    StringBuilder series = new StringBuilder();
    double recovered = Double.NaN;
    while (System.nanoTime() - start < seconds * 1_000_000_000L) {
      long at = System.nanoTime();
      String path = nextPath();
      if (path == null) {
        break;
      }
      Answer a = ask(path);
      double ms = a.nanos() / 1e6;
      double t = (at - start) / 1e9;
      series.append(series.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.1f@%.1fs", ms, t));
      if (a.status() == 200 && ms <= 1.2 * idleP50Ms) {
        recovered = t;
        break;
      }
      long sleep = 500 - (System.nanoTime() - at) / 1_000_000;
      if (sleep > 0) {
        Thread.sleep(sleep);
      }
    }
    System.out.printf(Locale.ROOT, "overload: scenario=recovery idle_p50_ms=%.1f recovered_after_s=%s series=%s%n", idleP50Ms,
        Double.isNaN(recovered) ? "none" : String.format(Locale.ROOT, "%.1f", recovered), series);
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  /** CPU clock ticks (user + system) of every thread of the server, keyed by "name/tid". */
  private Map<String, Long> threadCpu() throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int close = stat.lastIndexOf(')');
          String name = stat.substring(stat.indexOf('(') + 1, close);
          String[] f = stat.substring(close + 2).split(" ");
          out.put(name + "/" + task.getFileName(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException e) {
          // the thread ended between listing and reading
        }
      }
    }
    return out;
  }

  /** CPU ticks used between the two readings, by thread group (the name without its number). */
  private static Map<String, Long> byGroup(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> out = new TreeMap<>();
    after.forEach((key, ticks) -> {
      String name = key.substring(0, key.lastIndexOf('/'));
      String group = name.replaceAll("[-#_ ]?[0-9]+$", "").replaceAll("[0-9]+$", "");
      out.merge(group, ticks - before.getOrDefault(key, 0L), Long::sum);
    });
    return out;
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException e) {
      return Double.NaN;
    }
  }
}
