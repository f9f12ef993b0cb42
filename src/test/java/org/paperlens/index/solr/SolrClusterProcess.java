package org.paperlens.index.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.paperlens.testing.Prerequisites;

/**
 * A real SolrCloud for tests: the {@code solr-cluster} project (Solr 9's MiniSolrCloudCluster, an
 * embedded ZooKeeper, 2 nodes, the paperlens config set, a collection of 2 shards × 2 replicas)
 * started as a child JVM, so Solr's Lucene 9 never shares a class path with the app's Lucene 10.
 * {@code .ci/run} builds it first; elsewhere, build it with
 * {@code ./mvnw -B -f solr-cluster/pom.xml package} or the tests using it are skipped (on CI they fail).
 */
public final class SolrClusterProcess implements AutoCloseable {

  static final String COLLECTION = "papers";
  private static final long START_SECONDS = 240;

  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> nodes = new ArrayList<>();

  private SolrClusterProcess(Process process) {
    this.process = process;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the process ended
      }
      lines.add("EXIT");
    }, "solr-cluster-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the cluster, or skips the calling test class (fails it on CI) when the cluster project is not built. */
  public static SolrClusterProcess start() throws Exception {
    Path project = Path.of("solr-cluster");
    Path classpath = project.resolve("target/classpath.txt");
    Path classes = project.resolve("target/classes");
    Prerequisites.require("SolrCloud test cluster", Files.exists(classpath) && Files.isDirectory(classes),
        () -> "not built (" + classpath + " missing): run './mvnw -B -f solr-cluster/pom.xml package' (.ci/run does)");
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    Path log = Files.createTempFile("paperlens-solr-cluster", ".log");
    Process p = new ProcessBuilder(javaBin, "-Xmx1g", "-cp",
        classes.toAbsolutePath() + java.io.File.pathSeparator + Files.readString(classpath).strip(),
        "org.paperlens.solrcluster.SolrCluster", Path.of("solr/configset").toAbsolutePath().toString(), COLLECTION)
        .redirectError(log.toFile())
        .start();
    SolrClusterProcess cluster = new SolrClusterProcess(p);
    try {
      cluster.awaitReady(log);
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void awaitReady(Path log) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals("EXIT")) {
        Assertions.fail("the SolrCloud test cluster did not start" + (line == null ? " in " + START_SECONDS + " s" : "")
            + "; its log: " + log);
      }
      if (line.startsWith("NODE ")) {
        nodes.add(line.split(" ")[2]);
      } else if (line.equals("READY")) {
        return;
      }
    }
  }

  /** The {@code --solr} value naming every node. */
  public String solrUrl() {
    return String.join(",", nodes.stream().map(n -> n + "/" + COLLECTION).toList());
  }

  /** Node {@code i}'s base URL ({@code http://host:port/solr}). */
  URI nodeUrl(int i) {
    return URI.create(nodes.get(i));
  }

  SolrTarget target() {
    return SolrTarget.parse(solrUrl());
  }

  /** Stops node {@code i} and waits until it is down. */
  public void stopNode(int i) throws InterruptedException {
    command("stop " + i, "STOPPED " + i);
  }

  /** Makes node {@code i}'s next request take {@code millis} inside the server. */
  void delayNextRequest(int i, int millis) throws InterruptedException {
    command("delay " + i + " " + millis, "DELAYED " + i);
  }

  private void command(String command, String expected) throws InterruptedException {
    commands.println(command);
    String word = expected.split(" ")[0] + " ";
    String line;
    do {
      line = lines.poll(120, TimeUnit.SECONDS);
    } while (line != null && !line.startsWith(word) && !line.startsWith("ERROR ") && !line.equals("EXIT"));
    Assertions.assertEquals(expected, line, "the cluster's answer to '" + command + "'");
  }

  @Override
  public void close() {
    commands.println("quit");
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }
}
