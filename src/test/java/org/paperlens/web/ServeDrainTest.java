package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.config.Config;
import org.paperlens.store.DatabaseUrl;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * {@code paperlens serve} as child JVMs stopped with SIGTERM ({@link Process#destroy}) while POSTs
 * are under way: every POST is answered 2xx or refused before the server took it (never cut), the
 * process exits by itself; and two processes on one PostgreSQL catalogue, restarted one at a time
 * while POSTs alternate between them, lose no POST and act as one site (log-in limits, CSRF tokens).
 */
@Tag("slow")
class ServeDrainTest {

  private static final Pattern SERVED = Pattern.compile("serving at (http://127\\.0\\.0\\.1:\\d+)/");

  @TempDir Path tmp;

  @Test
  void sigterm_finishes_the_posts_under_way_and_exits() throws Exception {
    Path data = tmp.resolve("a");
    Cli.Result imported = Cli.run(TestDatabase.withDatabase(new String[] {"import", "--data", data.toString(),
        Fixtures.path("listings-sample.jsonl").toString()}));
    assertThat(imported.code()).as(imported.err()).isZero();
    Process serve = serve("a", Map.of(), 1);
    String url = url("a", 1);
    String token = token(url, "drainer");
    List<String> papers = papers();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      // One POST whose body is still arriving when SIGTERM comes (3 s of it), and a stream of quick ones.
      Future<RawPost> slow = pool.submit(() -> RawPost.send(url, "/api/v1/submissions", token,
          "{\"paper\": \"" + papers.get(0) + "\"" + " ".repeat(3_000) + "}", 30, 100));
      AtomicBoolean refused = new AtomicBoolean();
      ConcurrentLinkedQueue<RawPost> quick = new ConcurrentLinkedQueue<>();
      // Quick POSTs sent after SIGTERM: a connection the kernel accepted into the listen backlog but
      // Jetty never took before closing its listener is reset by the kernel, unread; its request never
      // reached the server, so nothing of it was done or lost. Before SIGTERM every POST is answered.
      ConcurrentLinkedQueue<RawPost> afterStop = new ConcurrentLinkedQueue<>();
      AtomicBoolean stopping = new AtomicBoolean();
      List<Future<?>> streams = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int offset = t;
        streams.add(pool.submit(() -> {
          for (int i = offset; !refused.get(); i += 3) {
            boolean sentAfterStop = stopping.get();
            RawPost p = RawPost.send(url, "/api/v1/submissions", token, "{\"paper\": \"" + papers.get(i % papers.size()) + "\"}", 1, 0);
            (sentAfterStop ? afterStop : quick).add(p);
            if (p.kind() == RawPost.Kind.REFUSED) {
              refused.set(true);
            }
          }
        }));
      }
      Thread.sleep(500);
      stopping.set(true);
      serve.destroy(); // SIGTERM
      assertThat(serve.waitFor(120, TimeUnit.SECONDS)).as("exits by itself").isTrue();
      for (Future<?> f : streams) {
        f.get(60, TimeUnit.SECONDS);
      }
      RawPost answer = slow.get(60, TimeUnit.SECONDS);
      assertThat(answer.kind()).as(answer.detail()).isEqualTo(RawPost.Kind.ANSWERED);
      assertThat(answer.status()).as(answer.detail()).isBetween(200, 299);
      assertThat(quick).as("quick POSTs sent before SIGTERM").isNotEmpty().allMatch(RawPost::harmless);
      assertThat(afterStop).as("quick POSTs sent after SIGTERM: answered, refused, or reset unread")
          .allMatch(p -> p.harmless() || p.kind() == RawPost.Kind.CUT);
      assertThat(quick).as("some answered before the stop").anyMatch(p -> p.kind() == RawPost.Kind.ANSWERED);
      String log = Files.readString(tmp.resolve("a-1.log"));
      assertThat(log).contains("stopping: finishing the requests under way").doesNotContain("\tat ");
      assertThat(serve.exitValue()).as("the JVM's exit on SIGTERM after its hooks").isEqualTo(143);
    } finally {
      pool.shutdownNow();
      serve.destroyForcibly();
    }
  }

  @Test
  void two_processes_restarted_one_at_a_time_lose_no_post_and_share_limits_and_tokens() throws Exception {
    DatabaseUrl db = TestDatabase.freshPostgres();
    Map<String, String> env = Map.of(Config.DB_ENV, db.jdbcUrl());
    Cli.Result imported = Cli.run("import", "--data", tmp.resolve("a").toString(), "--db", db.jdbcUrl(),
        Fixtures.path("listings-sample.jsonl").toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    Process[] serves = {serve("a", env, 1), serve("b", env, 1)};
    AtomicReferenceArray<String> urls = new AtomicReferenceArray<>(new String[] {url("a", 1), url("b", 1)});
    try {
      // One site: a CSRF token and a session from A are good on B; five failed log-ins over both lock the name on both.
      Browser onA = new Browser(urls.get(0)).signUp("ada");
      Browser onB = new Browser(urls.get(1));
      for (HttpCookie c : onA.cookies.getCookieStore().getCookies()) {
        onB.cookies.getCookieStore().add(URI.create(urls.get(1)), c);
      }
      HttpResponse<String> vote = onB.post("/papers/" + papers().get(1) + "/vote", Map.of("action", "up"));
      assertThat(vote.statusCode()).as("a form posted to B with A's token").isEqualTo(303);
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> wrong = new Browser(urls.get(i % 2)).api("POST", "/api/v1/tokens",
            "{\"name\": \"ada\", \"password\": \"wrong " + i + "\"}");
        assertThat(wrong.statusCode()).as("failed log-in %d", i + 1).isEqualTo(401);
      }
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> locked = new Browser(urls.get(i)).api("POST", "/api/v1/tokens",
            "{\"name\": \"ada\", \"password\": \"correct horse battery\"}");
        assertThat(locked.statusCode()).as("the right password on %s after five failures over both", i == 0 ? "A" : "B").isEqualTo(429);
      }
      // Ada's own browser (trusted by A's device cookie) still gets in, on B too.
      HttpResponse<String> trusted = onB.api("POST", "/api/v1/tokens", "{\"name\": \"ada\", \"password\": \"correct horse battery\"}");
      assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(201);
      String token = Browser.json(trusted).get("token").asText();

      // POSTs alternate between A and B (as nginx would, trying the other when one refuses) while each is restarted.
      List<String> papers = papers();
      AtomicBoolean done = new AtomicBoolean();
      ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
      AtomicInteger answered = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(3);
      List<Future<?>> clients = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int offset = t;
        clients.add(pool.submit(() -> {
          for (int i = offset; !done.get(); i += 3) {
            String json = "{\"paper\": \"" + papers.get(i % papers.size()) + "\"" + " ".repeat(600) + "}";
            boolean ok = false;
            for (int attempt = 0; attempt < 600 && !ok; attempt++) {
              RawPost p = RawPost.send(urls.get((i + attempt) % 2), "/api/v1/submissions", token, json, 6, 50);
              if (!p.harmless()) {
                lost.add(p.kind() + " " + p.status() + " " + p.detail());
                break;
              }
              ok = p.kind() == RawPost.Kind.ANSWERED && p.status() / 100 == 2;
              if (!ok) {
                Thread.sleep(50);
              }
            }
            if (ok) {
              answered.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (int which = 0; which < 2; which++) {
        String name = which == 0 ? "a" : "b";
        Thread.sleep(1_000);
        serves[which].destroy(); // SIGTERM
        assertThat(serves[which].waitFor(120, TimeUnit.SECONDS)).as(name + " exits by itself").isTrue();
        serves[which] = serve(name, env, 2);
        urls.set(which, url(name, 2));
      }
      Thread.sleep(1_000);
      done.set(true);
      for (Future<?> f : clients) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdownNow();
      assertThat(lost).as("POSTs cut by a restart").isEmpty();
      assertThat(answered.get()).as("POSTs answered").isPositive();
    } finally {
      for (Process p : serves) {
        p.destroy();
        p.waitFor(120, TimeUnit.SECONDS);
        p.destroyForcibly();
      }
    }
  }

  private Process serve(String name, Map<String, String> env, int run) throws Exception {
    return ChildProcess.start(tmp.resolve(name + "-" + run + ".log"), env, "--data", tmp.resolve(name).toString(),
        "--new-account-hours", "0", "serve", "--port", "0");
  }

  private String url(String name, int run) throws Exception {
    Path log = tmp.resolve(name + "-" + run + ".log");
    for (int i = 0; i < 1_800; i++) {
      Matcher m = SERVED.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve " + name + " did not start:\n" + Files.readString(log));
  }

  private static String token(String url, String name) {
    Browser b = new Browser(url).signUp(name);
    return Browser.json(b.api("POST", "/api/v1/tokens", "{\"name\": \"" + name + "\", \"password\": \"correct horse battery\"}"))
        .get("token").asText();
  }

  private static List<String> papers() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(Fixtures.path("listings-sample.jsonl"))) {
      ids.add(json.readTree(line).get("id").asText());
    }
    return ids;
  }
}
