package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/paperlens}, run by bash in a copy of the project whose JDK and Maven wrapper are
 * scripts that say what they were asked: what a person sees on the first run and on every run.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LauncherTest {

  @TempDir Path root;

  private record Run(int code, String out, String err) {}

  private Path script(Path path, String body) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    return path;
  }

  /** A project copy with the real launcher, a fake JDK 21 and sources older than any jar built from them. */
  private void project() throws IOException {
    Files.createDirectories(root.resolve("bin"));
    Files.copy(Path.of("bin/paperlens"), root.resolve("bin/paperlens"));
    Files.copy(Path.of("bin/find-java"), root.resolve("bin/find-java"));
    Files.createDirectories(root.resolve("src/main"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(root.resolve("src/main"), old);
    Files.setLastModifiedTime(root.resolve("pom.xml"), old);
    Files.writeString(root.resolve("jdk/release"), "JAVA_VERSION=\"21.0.5\"\n");
    script(root.resolve("jdk/bin/java"), """
        echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2
        echo "paperlens: bad input: something the person must see" >&2
        echo "java $*"
        exit 3
        """);
  }

  private Run run(String... args) throws Exception {
    Path out = root.resolve("out.txt");
    Path err = root.resolve("err.txt");
    ProcessBuilder b = new ProcessBuilder("bash", root.resolve("bin/paperlens").toString());
    b.command().addAll(java.util.List.of(args));
    b.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    b.environment().remove("PAPERLENS_JAVA_OPTS");
    Process p = b.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int code = p.waitFor();
    // The stderr filter is a process of its own that may still be writing: wait for the fake JVM's
    // last line (a run that never starts the JVM has nothing more to come; the asserts say what is missing).
    String errText = Files.readString(err);
    for (int i = 0; i < 500 && out.toFile().length() > 0 && !errText.contains("something the person must see"); i++) {
      Thread.sleep(20);
      errText = Files.readString(err);
    }
    return new Run(code, Files.readString(out), errText);
  }

  @Test
  void every_run_keeps_the_vector_api_but_not_the_jvms_warning_about_it_and_passes_the_exit_code_on() throws Exception {
    Files.createDirectories(root.resolve("jdk"));
    project();
    Files.createDirectories(root.resolve("target"));
    Files.writeString(root.resolve("target/paperlens.jar"), "jar");
    Run r = run("stats", "--data", "d");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).contains("--add-modules jdk.incubator.vector", "-jar", "stats --data d");
    assertThat(r.err()).contains("paperlens: bad input: something the person must see")
        .doesNotContain("Using incubator modules").doesNotContain("building");
  }

  @Test
  void the_first_run_says_that_it_builds_and_names_each_build_step() throws Exception {
    Files.createDirectories(root.resolve("jdk"));
    project();
    script(root.resolve("mvnw"), """
        echo "[INFO] Scanning for projects..."
        echo "[INFO] --- resources:3.3.1:resources (default-resources) @ paperlens ---"
        echo "[INFO] --- compiler:3.13.0:compile (default-compile) @ paperlens ---"
        echo "[INFO] Compiling 412 source files with javac"
        echo "[INFO] --- jar:3.4.1:jar (default-jar) @ paperlens ---"
        mkdir -p target && echo jar > target/paperlens.jar
        """);
    Run r = run("stats");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("paperlens: building (first run", "target/build.log",
        "s: resources:3.3.1:resources", "s: compiler:3.13.0:compile", "s: jar:3.4.1:jar", "paperlens: built in ");
    assertThat(r.out()).contains("java --add-modules jdk.incubator.vector").doesNotContain("[INFO]");
    assertThat(Files.readString(root.resolve("target/build.log"))).contains("Compiling 412 source files");
  }

  @Test
  void a_failed_build_shows_the_errors_and_stops() throws Exception {
    Files.createDirectories(root.resolve("jdk"));
    project();
    script(root.resolve("mvnw"), """
        echo "[INFO] --- compiler:3.13.0:compile (default-compile) @ paperlens ---"
        echo "[ERROR] Foo.java:[3,1] class, interface, enum, or record expected"
        exit 1
        """);
    Run r = run("stats");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("[ERROR] Foo.java:[3,1]", "the build failed", "target/build.log");
    assertThat(r.out()).isEmpty();
  }
}
