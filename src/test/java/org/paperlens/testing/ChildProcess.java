package org.paperlens.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code paperlens} in a separate JVM, as a user would, so a test can kill it with SIGKILL.
 * The class path comes from the build ({@code paperlens.test.classpath}, set in the pom).
 */
public final class ChildProcess {

  private ChildProcess() {}

  public static Process start(Path log, String... args) throws IOException {
    return start(log, java.util.Map.of(), args);
  }

  /** As {@link #start(Path, String...)}, with extra environment variables for the child. */
  public static Process start(Path log, java.util.Map<String, String> env, String... args) throws IOException {
    return start(log, env, List.of(), args);
  }

  /**
   * As {@link #start(Path, java.util.Map, String...)}, with options for the child JVM (a small
   * {@code -Xmx} proves that memory stays bounded) and a command to run it under (none: empty).
   */
  public static Process start(Path log, java.util.Map<String, String> env, List<String> jvmOptions, String... args)
      throws IOException {
    return start(log, env, List.of(), jvmOptions, args);
  }

  /** As above, run under {@code wrapper} (e.g. setpriv to drop capabilities). */
  public static Process start(Path log, java.util.Map<String, String> env, List<String> wrapper, List<String> jvmOptions,
      String... args) throws IOException {
    List<String> cmd = new ArrayList<>(wrapper);
    cmd.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("paperlens.test.classpath"), "org.paperlens.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    int data = List.of(args).indexOf("--data");
    if (data >= 0 && data + 1 < args.length) {
      builder.environment().putAll(TestDatabase.childEnvironment(Path.of(args[data + 1])));
    }
    builder.environment().putAll(env);
    return builder.start();
  }

  /**
   * The URL a {@code serve} child prints when ready ({@code http://127.0.0.1:PORT/}), read from its
   * log; null when it has not printed one within a minute.
   */
  public static String awaitServing(Path log) throws IOException, InterruptedException {
    java.util.regex.Pattern served = java.util.regex.Pattern.compile("serving at (http://127\\.0\\.0\\.1:\\d+/)");
    for (int i = 0; i < 600; i++) {
      java.util.regex.Matcher m = served.matcher(java.nio.file.Files.readString(log));
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    return null;
  }
}
