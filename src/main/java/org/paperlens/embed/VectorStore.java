package org.paperlens.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.paper.CatalogueException;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.CatalogueTx;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.store.Row;
import org.paperlens.store.Tx;

/**
 * Paper vectors in the catalogue's database (table {@code paper_vectors}): the only class that
 * speaks SQL about them. Its transactions come from the {@link Database} it is given; what it
 * needs of the papers themselves (their text, which are live, which changed) it asks the
 * {@link CatalogueStore}, and it stamps its rows with the catalogue's change number
 * ({@link CatalogueTx#changeNumber}), so the index catches up on vectors as on papers.
 */
public final class VectorStore {

  /** A paper whose vector is missing or was computed from text it no longer has. */
  /** @param listed the paper's first listing day (ISO), or "" when it has none: newer days are embedded first */
  public record Stale(PaperId id, int textLength, String listed) {}

  /** What a scan for stale vectors found besides the stale papers themselves. */
  public record Scan(long upToDate, long withoutText) {}

  /**
   * The catalogue's papers against one model's vectors.
   *
   * @param papers live papers with a title or an abstract: those that can be embedded
   * @param embedded those of them with a vector (a vector of a text changed since counts too: it
   *     is searchable, and the full scan redoes it)
   * @param firstListed the earliest listing day (ISO) among the embedded papers, or null
   * @param lastListed the latest listing day among them, or null
   */
  public record Census(long papers, long embedded, String firstListed, String lastListed) {
    public long missing() {
      return Math.max(0, papers - embedded);
    }

    /** This census after {@code more} papers listed {@code first} to {@code last} ("" or null: unknown) were embedded. */
    public Census plus(long more, String first, String last) {
      return new Census(papers, Math.min(papers, embedded + more), earlier(firstListed, first), later(lastListed, last));
    }

    private static String earlier(String a, String b) {
      return b == null || b.isEmpty() ? a : a == null || b.compareTo(a) < 0 ? b : a;
    }

    private static String later(String a, String b) {
      return b == null || b.isEmpty() ? a : a == null || b.compareTo(a) > 0 ? b : a;
    }
  }

  /** Live and with a title or abstract: the papers an embedding is made for. */
  private static final String EMBEDDABLE = "p.deleted_on IS NULL"
      + " AND (trim(coalesce(p.title, '')) <> '' OR trim(coalesce(p.abstract, '')) <> '')";

  private static final String UPSERT = "INSERT INTO paper_vectors (paper_id, model, dim, vector, text_hash, seq)"
      + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (paper_id, model) DO UPDATE SET"
      + " dim = excluded.dim, vector = excluded.vector, text_hash = excluded.text_hash, seq = excluded.seq";

  private final Database db;

  /** Vectors on the catalogue's own connection, as every command and the server keep them. */
  public VectorStore(CatalogueStore catalogue) {
    this(catalogue.database());
  }

  /** Vectors on {@code db}, a connection to the catalogue's database. */
  public VectorStore(Database db) {
    this.db = db;
  }

  /**
   * Reports, newest first (by first listing day, then id), every paper (not deleted at the source)
   * that has no vector under {@code model} or whose title and abstract no longer hash to the stored
   * one: readers want today's papers searchable by meaning first. Papers with neither title nor
   * abstract cannot be embedded and are only counted. Reads every paper's text once (the
   * catalogue's scan) and this store's hashes for {@value Tx#KEY_CHUNK} papers at a time, in one
   * transaction; memory holds one chunk and the stale papers, never the whole table.
   */
  public Scan forEachStale(EmbeddingModel model, Consumer<Stale> action) {
    long[] counts = new long[2];
    List<Stale> stale = new ArrayList<>();
    db.transaction(tx -> {
      List<CatalogueTx.LiveText> chunk = new ArrayList<>(Tx.KEY_CHUNK);
      Runnable compare = () -> {
        Map<String, String> hashes = new HashMap<>();
        tx.listIn("SELECT paper_id, text_hash FROM paper_vectors WHERE model = ? AND paper_id IN " + Tx.KEYS,
            chunk.stream().map(p -> p.id().value()).toList(), r -> hashes.put(r.getString(1), r.getString(2)), model.configName());
        for (CatalogueTx.LiveText p : chunk) {
          EmbeddedText text = EmbeddedText.of(p.title(), p.abstractText());
          if (text.isEmpty()) {
            counts[1]++;
          } else if (text.hash().equals(hashes.get(p.id().value()))) {
            counts[0]++;
          } else {
            stale.add(new Stale(p.id(), text.text().length(), p.listed() == null ? "" : p.listed()));
          }
        }
        chunk.clear();
      };
      CatalogueTx.forEachLiveText(tx, p -> {
        chunk.add(p);
        if (chunk.size() == Tx.KEY_CHUNK) {
          compare.run();
        }
      });
      compare.run();
      return null;
    });
    stale.sort(Comparator.comparing(Stale::listed).thenComparing(s -> s.id().value()).reversed());
    stale.forEach(action);
    return new Scan(counts[0], counts[1]);
  }

  /**
   * Up to {@code limit} papers with no {@code model} vector at all, newest listing day first (then
   * id, descending; papers never listed last): what the server embeds next, asked afresh every few
   * hundred papers so that newer papers imported meanwhile go first. Walks the catalogue's
   * {@code first_listed} index from the newest day and looks each paper's vector up by key, so it
   * costs the embedded papers it passes over, not a scan of every text ({@link #forEachStale}).
   */
  public List<Stale> missingNewestFirst(EmbeddingModel model, int limit) {
    return missingNewestFirst(model, limit, "", java.time.Instant.EPOCH);
  }

  /**
   * {@link #missingNewestFirst(EmbeddingModel, int)} without the papers another process than
   * {@code owner} has claimed at {@code now} ({@link EmbedClaimStore}): those are being embedded.
   */
  public List<Stale> missingNewestFirst(EmbeddingModel model, int limit, String owner, java.time.Instant now) {
    return db.transaction(tx -> tx.list("SELECT p.id, coalesce(length(p.title), 0) + coalesce(length(p.abstract), 0),"
        + " p.first_listed FROM papers p WHERE " + EMBEDDABLE
        + " AND NOT EXISTS (SELECT 1 FROM paper_vectors v WHERE v.model = ? AND v.paper_id = p.id)"
        + " AND NOT EXISTS (SELECT 1 FROM embed_claims c WHERE c.paper_id = p.id AND c.until_ms > ? AND c.owner <> ?)"
        + " ORDER BY p.first_listed DESC NULLS LAST, p.id DESC LIMIT ?",
        r -> new Stale(new PaperId(r.getString(1)), r.getInt(2), r.getString(3) == null ? "" : r.getString(3)),
        model.configName(), now.toEpochMilli(), owner, limit));
  }

  /** Counts the embeddable papers, those with a {@code model} vector, and the listing days those cover; one query. */
  public Census census(EmbeddingModel model) {
    return db.transaction(tx -> tx.first("SELECT count(*), count(v.paper_id),"
        + " min(CASE WHEN v.paper_id IS NOT NULL THEN p.first_listed END),"
        + " max(CASE WHEN v.paper_id IS NOT NULL THEN p.first_listed END)"
        + " FROM papers p LEFT JOIN paper_vectors v ON v.paper_id = p.id AND v.model = ? WHERE " + EMBEDDABLE,
        r -> new Census(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4)), model.configName()).orElseThrow());
  }

  /** Stores (or replaces) the vectors in one transaction. */
  public void put(EmbeddingModel model, List<PaperVector> vectors) {
    db.transaction(tx -> {
      long seq = CatalogueTx.changeNumber(tx);
      List<Object[]> rows = new ArrayList<>(vectors.size());
      for (PaperVector v : vectors) {
        if (v.vector().length != model.dimension()) {
          throw new IllegalArgumentException("a " + model + " vector has " + model.dimension()
              + " dimensions; the one for " + v.id() + " has " + v.vector().length);
        }
        rows.add(new Object[] {v.id().value(), model.configName(), v.vector().length, toBytes(v.vector()), v.textHash(), seq});
      }
      tx.batch(UPSERT, rows);
      return null;
    });
  }

  /**
   * Ids of the papers whose row or {@code model} vector changed with a number in
   * ({@code after}, {@code upTo}], in id order, from just after {@code afterId} (null: the start),
   * at most {@code limit}: what an incremental index update must apply, read a page at a time.
   * The catalogue's changes and this store's are merged here.
   */
  public List<PaperId> changedPapers(EmbeddingModel model, long after, long upTo, PaperId afterId, int limit) {
    return db.transaction(tx -> {
      // Both lists in byte order (Dialect#byteOrder), as the TreeSet merges them.
      java.util.TreeSet<String> merged = new java.util.TreeSet<>();
      CatalogueTx.changedPapers(tx, after, upTo, afterId, limit).forEach(p -> merged.add(p.value()));
      String id = tx.dialect().byteOrder("paper_id");
      tx.list("SELECT paper_id FROM paper_vectors WHERE model = ? AND seq > ? AND seq <= ? AND " + id + " > ?"
          + " ORDER BY " + id + " LIMIT ?", r -> r.getString(1), model.configName(), after, upTo,
          afterId == null ? "" : afterId.value(), limit).forEach(merged::add);
      return merged.stream().limit(limit).map(PaperId::new).toList();
    });
  }

  /**
   * How many live papers have a vector of {@code model}: all its vectors but those of the papers
   * deleted at their source (few; the catalogue names them).
   */
  public long countLive(EmbeddingModel model) {
    return db.transaction(tx -> {
      long n = tx.number("SELECT count(*) FROM paper_vectors WHERE model = ?", model.configName());
      for (PaperId deleted : CatalogueTx.deleted(tx)) {
        n -= tx.number("SELECT count(*) FROM paper_vectors WHERE paper_id = ? AND model = ?", deleted.value(), model.configName());
      }
      return n;
    });
  }

  public Optional<PaperVector> find(PaperId id, EmbeddingModel model) {
    return db.transaction(tx -> tx.first("SELECT paper_id, dim, vector, text_hash FROM paper_vectors WHERE paper_id = ? AND model = ?",
        this::read, id.value(), model.configName()));
  }

  /**
   * Every vector of {@code model}, in paper id order: what an index rebuild reads. Holds the
   * database for the whole scan, so {@code action} must not write to it.
   */
  public void forEach(EmbeddingModel model, Consumer<PaperVector> action) {
    db.transaction(tx -> {
      tx.forEach("SELECT paper_id, dim, vector, text_hash FROM paper_vectors WHERE model = ? ORDER BY paper_id",
          r -> action.accept(read(r)), model.configName());
      return null;
    });
  }

  public long count(EmbeddingModel model) {
    return db.transaction(tx -> tx.number("SELECT count(*) FROM paper_vectors WHERE model = ?", model.configName()));
  }

  private PaperVector read(Row rs) {
    String id = rs.getString(1);
    int dim = rs.getInt(2);
    byte[] bytes = rs.getBytes(3);
    if (bytes.length != dim * Float.BYTES) {
      throw new CatalogueException("corrupt vector for paper " + id + " in " + db.url() + ": "
          + bytes.length + " bytes for " + dim + " dimensions", null);
    }
    return new PaperVector(new PaperId(id), fromBytes(bytes), rs.getString(4));
  }

  private static byte[] toBytes(float[] vector) {
    ByteBuffer buf = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(vector);
    return buf.array();
  }

  private static float[] fromBytes(byte[] bytes) {
    float[] v = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
