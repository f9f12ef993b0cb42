package org.paperlens.citation.match;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.paperlens.citation.Doi;
import org.paperlens.paper.CatalogueIds;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * The catalogue as the matcher sees it: arXiv ids and DOIs asked of the database (indexed, and
 * DOIs whatever their case), titles from an index in memory, since a title key is computed in
 * Java ({@link TitleKey}) and cannot be looked up in SQL. The index holds one entry per live paper
 * with a title of three words or more: its key (as long as the title, one byte a character for
 * Latin text), the paper id and the year: 284 bytes a paper, 21 MB for the 74,728 real listings
 * ({@code StoredCatalogueMemoryTest} measures it). It is built on first use; the owner that
 * follows the catalogue's changes (the enrichment stage) adds each arriving paper ({@link #add}),
 * and it is rebuilt from the catalogue when that has changed, checked at most every
 * {@link #CHECK_EVERY_NANOS}, which drops deleted papers and old titles and catches papers
 * written by another process. Thread-safe.
 */
public final class StoredCatalogue implements CatalogueLookup {

  /** How often the catalogue's change number is read to see whether the title index should be rebuilt. */
  static final long CHECK_EVERY_NANOS = 600_000_000_000L;

  private final CatalogueStore catalogue;
  private final LongSupplier nanoTime;
  private Map<TitleKey, List<TitledPaper>> titles;
  private long builtAt = -1;
  private long checkedAt;

  public StoredCatalogue(CatalogueStore catalogue) {
    this(catalogue, System::nanoTime);
  }

  StoredCatalogue(CatalogueStore catalogue, LongSupplier nanoTime) {
    this.catalogue = catalogue;
    this.nanoTime = nanoTime;
  }

  @Override
  public Optional<PaperId> byArxivId(PaperId arxivId) {
    return catalogue.database().transaction(tx -> CatalogueIds.existing(tx, List.of(arxivId))).stream().findFirst();
  }

  @Override
  public Optional<PaperId> byDoi(Doi doi) {
    return Optional.ofNullable(catalogue.database().transaction(tx -> CatalogueIds.byDoi(tx, List.of(doi.value()))).get(doi.value()));
  }

  @Override
  public List<TitledPaper> byTitle(TitleKey key) {
    return titles().getOrDefault(key, List.of());
  }

  /** A paper that arrived or changed: its title joins the index at once (a paper already under that title is not added twice). */
  public synchronized void add(Paper paper) {
    if (titles != null) {
      TitleKey.of(paper.title()).ifPresent(k -> {
        TitledPaper t = new TitledPaper(paper.id(), year(paper));
        titles.merge(k, List.of(t), (a, b) -> a.stream().anyMatch(x -> x.id().equals(t.id())) ? a : joined(a, b));
      });
    }
  }

  /** The title index, rebuilt first when the catalogue has changed since it was built. */
  synchronized Map<TitleKey, List<TitledPaper>> titles() {
    long now = nanoTime.getAsLong();
    if (titles == null || now - checkedAt >= CHECK_EVERY_NANOS) {
      checkedAt = now;
      long sequence = catalogue.sequence();
      if (titles == null || sequence != builtAt) {
        titles = index(catalogue::forEachLive);
        builtAt = sequence;
      }
    }
    return titles;
  }

  /** The title index of the papers {@code scan} gives. */
  static Map<TitleKey, List<TitledPaper>> index(Consumer<Consumer<Paper>> scan) {
    Map<TitleKey, List<TitledPaper>> out = new HashMap<>();
    scan.accept(p -> TitleKey.of(p.title()).ifPresent(k -> {
      TitledPaper t = new TitledPaper(p.id(), year(p));
      // Most keys name one paper: an immutable one-element list is the smallest.
      out.merge(k, List.of(t), StoredCatalogue::joined);
    }));
    return out;
  }

  private static List<TitledPaper> joined(List<TitledPaper> a, List<TitledPaper> b) {
    List<TitledPaper> both = new java.util.ArrayList<>(a);
    both.addAll(b);
    return List.copyOf(both);
  }

  /** The year the paper appeared: its first version's, else its first listing's. */
  private static Optional<Integer> year(Paper p) {
    return Optional.ofNullable(p.submitted() != null ? p.submitted() : p.firstListed()).map(LocalDate::getYear);
  }
}
