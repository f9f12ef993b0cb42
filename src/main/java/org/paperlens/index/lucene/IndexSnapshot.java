package org.paperlens.index.lucene;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * A consistent copy of the embedded index while a server keeps writing to it: the files of its
 * newest commit point (a commit is immutable once written), opened all at once before a byte is
 * copied, so that a later commit deleting them (the writer keeps only the last) cannot take them
 * away mid-copy: on POSIX systems an open file outlives its directory entry. If a file is already
 * gone when it is opened, a newer commit has replaced it: the copy starts again from that one.
 *
 * @param seq the catalogue change number the copied commit covers (its watermark)
 * @param format the document layout recorded in the commit
 * @param files the number of files copied
 * @param bytes their total size
 */
public record IndexSnapshot(long seq, String format, int files, long bytes) {

  private static final int ATTEMPTS = 20;

  /**
   * Copies the index generation in use under {@code indexRoot} to {@code target} (created; it
   * must not exist) as a one-generation index root, or returns empty when there is no index.
   */
  public static Optional<IndexSnapshot> copy(Path indexRoot, Path target) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Optional<Path> generation = IndexDirectory.current(indexRoot);
      if (generation.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(copyNewestCommit(generation.get(), target));
      } catch (NoSuchFileException e) {
        deleteTree(target);
        if (attempt == ATTEMPTS) {
          throw new IOException("the index at " + indexRoot + " changed under " + ATTEMPTS + " copies in a row; try again", e);
        }
      }
    }
  }

  private static IndexSnapshot copyNewestCommit(Path generation, Path target) throws IOException {
    org.apache.lucene.index.IndexCommit commit;
    try (FSDirectory dir = FSDirectory.open(generation)) {
      commit = DirectoryReader.listCommits(dir).getLast();
    } catch (org.apache.lucene.index.IndexNotFoundException e) {
      throw new NoSuchFileException(generation + " has no commit yet");
    }
    Map<String, String> data = commit.getUserData();
    List<String> names = List.copyOf(commit.getFileNames());
    List<FileChannel> open = new ArrayList<>();
    try {
      for (String name : names) {
        open.add(FileChannel.open(generation.resolve(name), StandardOpenOption.READ));
      }
      Path gen = target.resolve(generation.getFileName());
      Files.createDirectories(gen);
      long bytes = 0;
      for (int i = 0; i < names.size(); i++) {
        FileChannel in = open.get(i);
        try (FileChannel out = FileChannel.open(gen.resolve(names.get(i)), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          long size = in.size();
          for (long done = 0; done < size; ) {
            done += in.transferTo(done, size - done, out);
          }
          out.force(true);
          bytes += size;
        }
      }
      Files.writeString(target.resolve(IndexDirectory.CURRENT), gen.getFileName() + "\n");
      return new IndexSnapshot(Long.parseLong(data.getOrDefault(IndexCommit.SEQ_KEY, "0")),
          data.getOrDefault(IndexCommit.FORMAT_KEY, "1"), names.size(), bytes);
    } finally {
      for (FileChannel c : open) {
        c.close();
      }
    }
  }

  /** The watermark of the index under {@code indexRoot}'s newest commit, or empty when there is none. */
  public static Optional<Long> watermark(Path indexRoot) throws IOException {
    Optional<Path> generation = IndexDirectory.current(indexRoot);
    if (generation.isEmpty()) {
      return Optional.empty();
    }
    try (FSDirectory dir = FSDirectory.open(generation.get())) {
      return Optional.of(Long.parseLong(DirectoryReader.listCommits(dir).getLast().getUserData().getOrDefault(IndexCommit.SEQ_KEY, "0")));
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
