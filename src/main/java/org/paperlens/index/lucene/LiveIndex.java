package org.paperlens.index.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.index.FeatureSource;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexCoverage;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexSource;
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
 */
public final class LiveIndex implements LiveSearchIndex, FeatureSource {

  private final Path root;
  private final IndexSettings settings;
  private volatile LuceneIndex current;

  private LiveIndex(Path root, IndexSettings settings, LuceneIndex current) {
    this.root = root;
    this.settings = settings;
    this.current = current;
  }

  /** Opens the current generation under {@code root}, creating an empty index when there is none. */
  public static LiveIndex open(Path root, IndexSettings settings) {
    IndexBuilder.ensureExists(root, settings);
    return new LiveIndex(root, settings, LuceneIndex.openLive(root, settings));
  }

  /** False when the generation in use has an older document layout and should be rebuilt. */
  @Override
  public boolean currentFormat() {
    return current.currentFormat();
  }

  @Override
  public String staleReason() {
    return current.staleReason();
  }

  /**
   * Switches to the generation {@code CURRENT} names if it is not the one in use: commits and
   * closes the old one, then removes the other generations. Returns true when it switched.
   */
  @Override
  public synchronized boolean switchIfRebuilt() throws IOException {
    Optional<Path> published = IndexDirectory.current(root);
    if (published.isEmpty() || published.get().equals(current.generation())) {
      return false;
    }
    LuceneIndex next = LuceneIndex.openLive(root, settings);
    LuceneIndex old = current;
    current = next;
    try {
      old.close();
    } catch (RuntimeException e) {
      // The old generation may already be gone from disk; its changes are in the catalogue, and
      // the new generation catches up on them from its own watermark.
    }
    IndexDirectory.removeAllBut(root, java.util.Set.of(next.generation()));
    return true;
  }

  /**
   * Runs a search on the current generation; if a swap closed that generation between reading the
   * field and acquiring its searcher, runs it again on the new one.
   */
  private <T> T read(java.util.function.Function<LuceneIndex, T> search) {
    LuceneIndex index = current;
    try {
      return search.apply(index);
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      if (index == current) {
        throw e;
      }
      return search.apply(current);
    }
  }

  @Override
  public List<IndexHit> keyword(String query, org.paperlens.index.Match match, Filters filters, int k) {
    return read(index -> index.keyword(query, match, filters, k));
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
  public int countByMeaning(Filters filters) {
    return read(index -> index.countByMeaning(filters));
  }

  @Override
  public int size() {
    return current.size();
  }

  @Override
  public IndexCoverage coverage() {
    return current.coverage();
  }

  @Override
  public void apply(List<IndexChange> changes, long upToSeq) {
    current.apply(changes, upToSeq);
  }

  @Override
  public IndexCoverage refresh() {
    return current.refresh();
  }

  @Override
  public void commit() {
    current.commit();
  }

  @Override
  public long durableSeq() {
    return current.durableSeq();
  }

  @Override
  public long appliedSeq() {
    return current.appliedSeq();
  }

  /** Builds a new generation beside the one in use; {@link #switchIfRebuilt} then moves to it. */
  @Override
  public RebuildReport rebuild(IndexSource papers, org.paperlens.common.Progress progress) {
    return IndexBuilder.rebuild(papers, root, settings, progress);
  }

  @Override
  public synchronized void close() {
    current.close();
  }
}
