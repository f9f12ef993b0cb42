package org.paperlens.index.lucene;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;

/**
 * Whether an index generation's files are whole: every Lucene file ends with a checksum of its
 * bytes, so a flipped byte, a truncated file or a missing one is found without reading the
 * documents, and a failure is told apart from other errors ({@link #damage}) so that the server
 * rebuilds the index from the catalogue instead of answering 500s.
 */
final class IndexIntegrity {

  private IndexIntegrity() {}

  /**
   * Reads every file of every segment the reader sees and checks its checksum: sequential reads of
   * the whole index (about a second per gigabyte), what Lucene itself does before a merge.
   *
   * @throws CorruptIndexException naming the file whose checksum failed
   */
  static void verify(DirectoryReader reader) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      leaf.reader().checkIntegrity();
    }
  }

  /**
   * What is wrong with the index, if {@code e} (or what it wraps) says its files are damaged: a
   * checksum or structure failure, a file cut short, or one missing. Empty for anything else.
   */
  static Optional<String> damage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CorruptIndexException || t instanceof IndexFormatTooOldException || t instanceof EOFException) {
        return Optional.of(t.getClass().getSimpleName() + ": " + t.getMessage());
      }
      if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
        return Optional.of("a file of the index is missing: " + t.getMessage());
      }
      if (t instanceof IndexNotFoundException) {
        return Optional.of("no readable commit: " + t.getMessage());
      }
    }
    return Optional.empty();
  }

  /**
   * The newest commit of {@code dir} whose files all pass their checksums, opened: what searches
   * can use while the index is rebuilt. Empty when none does (usually: the damaged segment is in
   * every commit kept).
   */
  static Optional<DirectoryReader> lastGoodCommit(Directory dir) {
    List<IndexCommit> commits;
    try {
      commits = DirectoryReader.listCommits(dir);
    } catch (IOException e) {
      return Optional.empty();
    }
    for (IndexCommit commit : commits.reversed()) {
      DirectoryReader reader = null;
      try {
        reader = DirectoryReader.open(commit);
        verify(reader);
        return Optional.of(reader);
      } catch (IOException | RuntimeException e) {
        if (reader != null) {
          try {
            reader.close();
          } catch (IOException ignored) {
            // it is being given up anyway
          }
        }
      }
    }
    return Optional.empty();
  }
}
