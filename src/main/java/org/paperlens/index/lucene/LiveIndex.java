package org.paperlens.index.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.FeatureSource;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexCoverage;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexSource;
import org.paperlens.index.IndexUnavailableException;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.LexicalNeighbours;
import org.paperlens.index.LiveSearchIndex;
import org.paperlens.index.MarkedText;
import org.paperlens.index.PaperFeatures;
import org.paperlens.index.RebuildReport;
import org.paperlens.paper.PaperId;

/**
 * The index a running server searches and updates: the current generation opened live, swapped
 * for a newer generation when one is published ({@code paperlens reindex}, or the server's own
 * rebuild of an index in an older layout) without a restart.
 *
 * <p>Thread-safe. Searches read whichever generation is current when they start; a swap closes
 * the old one only after its searches release it (Lucene reference counting), so none fails.
 * Updates are applied by one thread (the server's pipeline).
 *
 * <p>Longer than 300 lines because it is the one place a running server's index recovers: a writer
 * closed by a failed write is re-opened, damaged files are found and searches answer "unavailable"
 * instead of failing, and a rebuilt generation is switched to; the reads are one line each.
 */
public final class LiveIndex implements LiveSearchIndex, FeatureSource {

  /** How a generation's files are opened: {@code FSDirectory::open}, or a wrapper a test makes fail. */
  @FunctionalInterface
  public interface Storage {
    Directory open(Path generation) throws IOException;
  }

  /** How often a search failing for no known reason has the index's checksums verified, at most. */
  private static final long VERIFY_EVERY_NANOS = 60_000_000_000L;

  private final Path root;
  private final IndexSettings settings;
  private final Storage storage;
  /** The generation searches read and updates go to; null while a damaged index with no good commit is rebuilt. */
  private volatile LuceneIndex current;
  /** Why the index must be rebuilt from the catalogue (its files are damaged); empty when they are whole. */
  private volatile String damage;
  private volatile long lastVerified = System.nanoTime() - VERIFY_EVERY_NANOS;

  private LiveIndex(Path root, IndexSettings settings, Storage storage, LuceneIndex current, String damage) {
    this.root = root;
    this.settings = settings;
    this.storage = storage;
    this.current = current;
    this.damage = damage;
  }

  /** Opens the current generation under {@code root}, creating an empty index when there is none. */
  public static LiveIndex open(Path root, IndexSettings settings) {
    return open(root, settings, FSDirectory::open);
  }

  /**
   * Opens the current generation with its files from {@code storage}. Opening reads each file's
   * header and footer, which finds a missing or truncated file at once; a damaged index does not
   * stop the server: it opens with {@link #staleReason} saying what is wrong, searching the last
   * good commit if there is one (else searches answer "unavailable" until the rebuild the pipeline
   * starts is published). Flipped bytes inside a file are found by {@link #checkIntegrity}, which
   * reads everything and so is left to the pipeline's first step.
   */
  public static LiveIndex open(Path root, IndexSettings settings, Storage storage) {
    IndexBuilder.ensureExists(root, settings);
    LuceneIndex index = null;
    try {
      index = LuceneIndex.openLive(root, settings, storage);
      return new LiveIndex(root, settings, storage, index, "");
    } catch (RuntimeException e) {
      Optional<String> damage = IndexIntegrity.damage(e);
      if (damage.isEmpty()) {
        closeQuietly(index);
        throw e;
      }
      closeQuietly(index);
      Path generation = IndexDirectory.current(root).orElse(root);
      return new LiveIndex(root, settings, storage, LuceneIndex.lastGoodCommit(root, settings, storage).orElse(null),
          damaged(generation, damage.get()));
    }
  }

  private static String damaged(Path generation, String what) {
    return "the search index " + generation + " is damaged (" + what + ")";
  }

  private static void closeQuietly(LuceneIndex index) {
    if (index != null) {
      try {
        index.close();
      } catch (RuntimeException ignored) {
        // it is being given up: the error that made us give it up is the one to report
      }
    }
  }

  /** False when the generation in use has an older document layout, or damaged files, and should be rebuilt. */
  @Override
  public boolean currentFormat() {
    LuceneIndex index = current;
    return damage.isEmpty() && index != null && index.currentFormat();
  }

  @Override
  public String staleReason() {
    if (!damage.isEmpty()) {
      return damage + (current == null ? "; searches answer 'unavailable' (503) until it is rebuilt"
          : "; searches answer from its last good commit until it is rebuilt");
    }
    LuceneIndex index = current;
    return index == null ? "" : index.staleReason();
  }

  /**
   * Verifies the checksum of every file searches read (sequential reads of the whole index, about a
   * second a gigabyte); damage found marks the index for a rebuild ({@link #currentFormat} false).
   */
  @Override
  public void checkIntegrity() {
    LuceneIndex index = current;
    if (index == null || !damage.isEmpty()) {
      return;
    }
    try {
      index.verify();
    } catch (RuntimeException e) {
      Optional<String> found = IndexIntegrity.damage(e);
      if (found.isEmpty()) {
        throw e;
      }
      damage = damaged(index.generation(), found.get());
    }
  }

  /**
   * After a failed write closed the writer (a read-only or full disk, an I/O error), opens the
   * generation afresh from its last commit: the pipeline then catches up from that commit's
   * watermark, so nothing applied since is lost. Searches keep the old reader until the swap.
   * Throws while the cause lasts (the pipeline retries with backoff); true when it re-opened.
   */
  @Override
  public synchronized boolean reopenIfFailed() {
    LuceneIndex old = current;
    if (old == null || !old.writerFailed()) {
      return false;
    }
    current = LuceneIndex.openLive(root, settings, storage);
    closeQuietly(old);
    return true;
  }

  /**
   * Switches to the generation {@code CURRENT} names if it is not the one in use: commits and
   * closes the old one, then removes the other generations. Returns true when it switched.
   */
  @Override
  public synchronized boolean switchIfRebuilt() throws IOException {
    Optional<Path> published = IndexDirectory.current(root);
    LuceneIndex old = current;
    if (published.isEmpty() || (old != null && published.get().equals(old.generation()))) {
      return false;
    }
    LuceneIndex next = LuceneIndex.openLive(root, settings, storage);
    current = next;
    damage = "";
    // The old generation may already be gone from disk; its changes are in the catalogue, and
    // the new generation catches up on them from its own watermark.
    closeQuietly(old);
    IndexDirectory.removeAllBut(root, java.util.Set.of(next.generation()));
    return true;
  }

  /**
   * Runs a search on the current generation; if a swap closed that generation between reading the
   * field and acquiring its searcher, runs it again on the new one. A search that finds the files
   * damaged (or fails for no known reason, and a checksum check then finds them damaged) marks the
   * index for a rebuild and answers "unavailable", never an internal error.
   */
  private <T> T read(java.util.function.Function<LuceneIndex, T> search) {
    LuceneIndex index = current;
    if (index == null) {
      throw new IndexUnavailableException(staleReason(), null);
    }
    try {
      return search.apply(index);
    } catch (AlreadyClosedException e) {
      if (index == current) {
        throw e;
      }
      return read(search);
    } catch (BadQueryException | IllegalArgumentException | IndexUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      Optional<String> found = IndexIntegrity.damage(e).or(() -> verifySoon(index));
      if (found.isEmpty()) {
        throw e;
      }
      markDamaged(index, found.get());
      throw new IndexUnavailableException("the search index is damaged and being rebuilt from the catalogue: " + found.get(), e);
    }
  }

  /** Checks the checksums of {@code index} unless that was done within the last minute; what is damaged, if anything. */
  private Optional<String> verifySoon(LuceneIndex index) {
    long now = System.nanoTime();
    if (now - lastVerified < VERIFY_EVERY_NANOS) {
      return Optional.empty();
    }
    lastVerified = now;
    try {
      index.verify();
      return Optional.empty();
    } catch (RuntimeException e) {
      return IndexIntegrity.damage(e);
    }
  }

  @Override
  public List<IndexHit> keyword(String query, org.paperlens.index.Match match, Filters filters, int k) {
    return read(index -> index.keyword(query, match, filters, k));
  }

  @Override
  public org.paperlens.index.CountedHits keywordCounted(String query, org.paperlens.index.Match match, Filters filters, int k,
      int exactUpTo) {
    return read(index -> index.keywordCounted(query, match, filters, k, exactUpTo));
  }

  @Override
  public List<IndexHit> nearest(float[] vector, Filters filters, int k) {
    return read(index -> index.nearest(vector, filters, k));
  }

  @Override
  public LexicalNeighbours moreLikeThis(PaperId id, Filters filters, int k) {
    return read(index -> index.moreLikeThis(id, filters, k));
  }

  @Override
  public Map<PaperId, List<String>> sharedTerms(PaperId source, List<PaperId> candidates) {
    return read(index -> index.sharedTerms(source, candidates));
  }

  /** This index itself: it reads features from its postings. */
  @Override
  public Optional<FeatureSource> featureSource() {
    return Optional.of(this);
  }

  @Override
  public PaperFeatures features(List<PaperId> profile, Filters window) {
    return read(index -> index.features(profile, window));
  }

  @Override
  public Optional<LocalDate> newestDate() {
    return read(index -> index.newestDate());
  }

  @Override
  public Optional<PaperId> byExactTitle(String title, Filters filters) {
    return read(index -> index.byExactTitle(title, filters));
  }

  @Override
  public boolean contains(PaperId id, Filters filters) {
    return read(index -> index.contains(id, filters));
  }

  @Override
  public Optional<IndexedPaper> get(PaperId id) {
    return read(index -> index.get(id));
  }

  @Override
  public Map<PaperId, java.time.LocalDate> dates(List<PaperId> ids) {
    return read(index -> index.dates(ids));
  }

  @Override
  public Map<PaperId, MarkedText> snippets(String query, java.util.Collection<IndexedPaper> papers) {
    return read(index -> index.snippets(query, papers));
  }

  @Override
  public java.util.Set<PaperId> withoutVector(List<PaperId> ids) {
    return read(index -> index.withoutVector(ids));
  }

  @Override
  public List<IndexedPaper> byAuthor(String name, int limit) {
    return read(index -> index.byAuthor(name, limit));
  }

  @Override
  public int count(String query, org.paperlens.index.Match match, Filters filters) {
    return read(index -> index.count(query, match, filters));
  }

  @Override
  public org.paperlens.index.HitCount count(String query, org.paperlens.index.Match match, Filters filters, int exactUpTo) {
    return read(index -> index.count(query, match, filters, exactUpTo));
  }

  @Override
  public int countByMeaning(Filters filters) {
    return read(index -> index.countByMeaning(filters));
  }

  @Override
  public int size() {
    return coverage().papers();
  }

  /** What searches see; {@link IndexCoverage#NONE} while a damaged index with no good commit is rebuilt. */
  @Override
  public IndexCoverage coverage() {
    LuceneIndex index = current;
    return index == null ? IndexCoverage.NONE : index.coverage();
  }

  @Override
  public void apply(List<IndexChange> changes, long upToSeq) {
    LuceneIndex index = writable();
    try {
      index.apply(changes, upToSeq);
    } catch (RuntimeException e) {
      throw noteDamage(index, e);
    }
  }

  @Override
  public IndexCoverage refresh() {
    LuceneIndex index = writable();
    try {
      return index.refresh();
    } catch (RuntimeException e) {
      throw noteDamage(index, e);
    }
  }

  /**
   * A write or refresh that read damaged files (a merge, a new segment opened) marks the index for
   * a rebuild, as a search that does; returns {@code e} for the caller to throw.
   */
  private RuntimeException noteDamage(LuceneIndex index, RuntimeException e) {
    IndexIntegrity.damage(e).ifPresent(what -> markDamaged(index, what));
    return e;
  }

  /** Marks {@code index} for a rebuild, unless it is no longer the one in use or damage is already known. */
  private void markDamaged(LuceneIndex index, String what) {
    if (damage.isEmpty() && index == current) {
      damage = damaged(index.generation(), what);
    }
  }

  @Override
  public void commit() {
    LuceneIndex index = current;
    if (index != null && damage.isEmpty() && !index.writerFailed()) {
      index.commit();
    }
  }

  @Override
  public long durableSeq() {
    LuceneIndex index = current;
    return index == null ? 0 : index.durableSeq();
  }

  @Override
  public long appliedSeq() {
    LuceneIndex index = current;
    return index == null ? 0 : index.appliedSeq();
  }

  /** The generation updates go to; fails while the index is damaged (its rebuild comes first). */
  private LuceneIndex writable() {
    LuceneIndex index = current;
    if (index == null || !damage.isEmpty()) {
      throw new IllegalStateException(staleReason() + "; updates wait for the rebuild");
    }
    return index;
  }

  /** Builds a new generation beside the one in use; {@link #switchIfRebuilt} then moves to it. */
  @Override
  public RebuildReport rebuild(IndexSource papers, org.paperlens.common.Progress progress) {
    return IndexBuilder.rebuild(papers, root, settings, progress);
  }

  @Override
  public synchronized void close() {
    LuceneIndex index = current;
    if (index != null) {
      if (index.writerFailed()) {
        closeQuietly(index); // its last commit is what a restart reads; the rest is in the catalogue
      } else {
        index.close();
      }
    }
  }
}
