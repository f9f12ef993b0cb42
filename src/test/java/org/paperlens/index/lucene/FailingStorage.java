package org.paperlens.index.lucene;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.paperlens.index.IndexSettings;

/**
 * Index files that can be made unwritable at will, as a read-only data directory makes them:
 * while {@link #readOnly} is set, creating, syncing or renaming a file fails the way the file
 * system fails it. Tests run as root, where directory permissions stop no write; this does.
 */
public final class FailingStorage implements LiveIndex.Storage {

  /** Set: every write fails. */
  public final AtomicBoolean readOnly = new AtomicBoolean();
  /** Set: every file opened for reading fails its checksum, as a damaged disk block makes it. */
  public final AtomicBoolean damaged = new AtomicBoolean();
  /**
   * Set: a new index file waits (without giving way to an interrupt, whose flag it keeps) until
   * this is cleared, as a slow disk makes the writer wait; {@link #held} counts the writes caught.
   */
  public final AtomicBoolean slow = new AtomicBoolean();
  public final AtomicInteger held = new AtomicInteger();

  /** A live index under {@code root} on these files. */
  public LiveIndex open(Path root, IndexSettings settings) {
    return LiveIndex.open(root, settings, this);
  }

  @Override
  public Directory open(Path generation) throws IOException {
    return new FilterDirectory(FSDirectory.open(generation)) {
      private void check(String name) throws IOException {
        if (readOnly.get()) {
          throw new AccessDeniedException(generation.resolve(name).toString(), null, "read-only file system (test)");
        }
      }

      @Override
      public IndexOutput createOutput(String name, IOContext context) throws IOException {
        check(name);
        if (slow.get()) {
          held.incrementAndGet();
          while (slow.get()) {
            LockSupport.parkNanos(1_000_000); // returns at once while the interrupt flag is set, and keeps it
          }
        }
        return super.createOutput(name, context);
      }

      @Override
      public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        check(prefix);
        return super.createTempOutput(prefix, suffix, context);
      }

      @Override
      public org.apache.lucene.store.IndexInput openInput(String name, IOContext context) throws IOException {
        if (damaged.get() && !name.startsWith("segments")) {
          throw new org.apache.lucene.index.CorruptIndexException("checksum failed (test)", generation.resolve(name).toString());
        }
        return super.openInput(name, context);
      }

      @Override
      public void sync(Collection<String> names) throws IOException {
        check(String.join(",", names));
        super.sync(names);
      }

      @Override
      public void rename(String source, String dest) throws IOException {
        check(dest);
        super.rename(source, dest);
      }

      @Override
      public org.apache.lucene.store.Lock obtainLock(String name) throws IOException {
        check(name);
        return super.obtainLock(name);
      }
    };
  }
}
