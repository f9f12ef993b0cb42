package org.paperlens.index.lucene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The layout of the index root: one directory per build ({@code gen-000001}, ...) and a file
 * {@code CURRENT} naming the one in use. A rebuild writes a new generation and then replaces
 * {@code CURRENT} with an atomic rename, so a reader sees either the old index or the new one,
 * never a half-built one, and a build killed midway leaves the old index in service.
 */
final class IndexDirectory {

  static final String CURRENT = "CURRENT";

  private IndexDirectory() {}

  static Optional<Path> current(Path root) {
    Path pointer = root.resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      Path dir = root.resolve(name);
      return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A fresh directory for the next generation. */
  static Path nextGeneration(Path root) throws IOException {
    Files.createDirectories(root);
    int last = 0;
    try (Stream<Path> dirs = Files.list(root)) {
      last = dirs.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("gen-\\d+"))
          .mapToInt(n -> Integer.parseInt(n.substring(4)))
          .max().orElse(0);
    }
    Path next = root.resolve(String.format("gen-%06d", last + 1));
    Files.createDirectory(next);
    return next;
  }

  /**
   * Makes {@code generation} the one in use, atomically, then removes older generations except the
   * one it replaces: a running server may still be writing to that one until it switches over,
   * and removes it itself then.
   */
  static void publish(Path root, Path generation) throws IOException {
    Optional<Path> previous = current(root);
    Path tmp = root.resolve(CURRENT + ".tmp");
    Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
    }
    removeAllBut(root, previous.isPresent() ? java.util.Set.of(generation, previous.get()) : java.util.Set.of(generation));
  }

  /**
   * Deletes other generations. Readers still open on one keep working: on POSIX systems an
   * open file outlives its directory entry.
   */
  static void removeAllBut(Path root, java.util.Set<Path> keep) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !keep.contains(d))
          .filter(d -> d.getFileName().toString().startsWith("gen-")).toList()) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}
