package org.paperlens.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.paper.CatalogueException;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;

/**
 * Paper vectors in the catalogue (table {@code paper_vectors}): the only class that speaks SQL
 * about them. Works through {@link CatalogueStore}, so it shares its one connection and its
 * transactions; the same thread-safety rules apply.
 */
public final class VectorStore {

  /** A paper whose vector is missing or was computed from text it no longer has. */
  /** @param listed the paper's first listing day (ISO), or "" when it has none: newer days are embedded first */
  public record Stale(PaperId id, int textLength, String listed) {}

  /** What a scan for stale vectors found besides the stale papers themselves. */
  public record Scan(long upToDate, long withoutText) {}

  private static final String UPSERT = "INSERT INTO paper_vectors (paper_id, model, dim, vector, text_hash, seq)"
      + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (paper_id, model) DO UPDATE SET"
      + " dim = excluded.dim, vector = excluded.vector, text_hash = excluded.text_hash, seq = excluded.seq";

  private final CatalogueStore store;

  public VectorStore(CatalogueStore store) {
    this.store = store;
  }

  /**
   * Reports, newest first (by first listing day, then id), every paper (not deleted at the source)
   * that has no vector under {@code model} or whose title and abstract no longer hash to the stored
   * one: readers want today's papers searchable by meaning first. Papers with neither title nor
   * abstract cannot be embedded and are only counted. Reads every paper's text: cost is one pass
   * over the catalogue.
   */
  public Scan forEachStale(EmbeddingModel model, Consumer<Stale> action) {
    return store.query(w -> {
      long upToDate = 0;
      long withoutText = 0;
      try (PreparedStatement st = w.tx().prepare(
          "SELECT p.id, p.title, p.abstract, v.text_hash, p.first_listed FROM papers p"
          + " LEFT JOIN paper_vectors v ON v.paper_id = p.id AND v.model = ?"
          + " WHERE p.deleted_on IS NULL ORDER BY p.first_listed DESC, p.id DESC")) {
        st.setString(1, model.configName());
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            EmbeddedText text = EmbeddedText.of(rs.getString(2), rs.getString(3));
            if (text.isEmpty()) {
              withoutText++;
            } else if (text.hash().equals(rs.getString(4))) {
              upToDate++;
            } else {
              String listed = rs.getString(5);
              action.accept(new Stale(new PaperId(rs.getString(1)), text.text().length(), listed == null ? "" : listed));
            }
          }
        }
      }
      return new Scan(upToDate, withoutText);
    });
  }

  /** Stores (or replaces) the vectors in one transaction. */
  public void put(EmbeddingModel model, List<PaperVector> vectors) {
    store.write(w -> {
      try (PreparedStatement st = w.tx().prepare(UPSERT)) {
        for (PaperVector v : vectors) {
          if (v.vector().length != model.dimension()) {
            throw new IllegalArgumentException("a " + model + " vector has " + model.dimension()
                + " dimensions; the one for " + v.id() + " has " + v.vector().length);
          }
          st.setString(1, v.id().value());
          st.setString(2, model.configName());
          st.setInt(3, v.vector().length);
          st.setBytes(4, toBytes(v.vector()));
          st.setString(5, v.textHash());
          st.setLong(6, w.changeSeq());
          st.addBatch();
        }
        st.executeBatch();
      }
      return null;
    });
  }

  /**
   * Ids of the papers whose row or {@code model} vector changed with a number in
   * ({@code after}, {@code upTo}], in id order, from just after {@code afterId} (null: the start),
   * at most {@code limit}: what an incremental index update must apply, read a page at a time.
   */
  public List<PaperId> changedPapers(EmbeddingModel model, long after, long upTo, PaperId afterId, int limit) {
    return store.query(w -> {
      try (PreparedStatement st = w.tx().prepare("SELECT id FROM ("
          + "SELECT id FROM papers WHERE seq > ? AND seq <= ?"
          + " UNION SELECT paper_id AS id FROM paper_vectors WHERE model = ? AND seq > ? AND seq <= ?) changed"
          + " WHERE id > ? ORDER BY id LIMIT ?")) {
        st.setLong(1, after);
        st.setLong(2, upTo);
        st.setString(3, model.configName());
        st.setLong(4, after);
        st.setLong(5, upTo);
        st.setString(6, afterId == null ? "" : afterId.value());
        st.setInt(7, limit);
        List<PaperId> out = new java.util.ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(new PaperId(rs.getString(1)));
          }
        }
        return out;
      }
    });
  }

  /** How many live papers have a vector of {@code model}. */
  public long countLive(EmbeddingModel model) {
    return store.query(w -> {
      try (PreparedStatement st = w.tx().prepare("SELECT count(*) FROM paper_vectors v"
          + " JOIN papers p ON p.id = v.paper_id WHERE v.model = ? AND p.deleted_on IS NULL")) {
        st.setString(1, model.configName());
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  public Optional<PaperVector> find(PaperId id, EmbeddingModel model) {
    return store.query(w -> {
      try (PreparedStatement st = w.tx().prepare(
          "SELECT paper_id, dim, vector, text_hash FROM paper_vectors WHERE paper_id = ? AND model = ?")) {
        st.setString(1, id.value());
        st.setString(2, model.configName());
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  /**
   * Every vector of {@code model}, in paper id order: what an index rebuild reads. Holds the
   * catalogue for the whole scan, so {@code action} must not write to it.
   */
  public void forEach(EmbeddingModel model, Consumer<PaperVector> action) {
    store.query(w -> {
      try (PreparedStatement st = w.tx().prepare(
          "SELECT paper_id, dim, vector, text_hash FROM paper_vectors WHERE model = ? ORDER BY paper_id")) {
        st.setString(1, model.configName());
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            action.accept(read(rs));
          }
        }
      }
      return null;
    });
  }

  public long count(EmbeddingModel model) {
    return store.query(w -> {
      try (PreparedStatement st = w.tx().prepare("SELECT count(*) FROM paper_vectors WHERE model = ?")) {
        st.setString(1, model.configName());
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  private PaperVector read(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    int dim = rs.getInt(2);
    byte[] bytes = rs.getBytes(3);
    if (bytes.length != dim * Float.BYTES) {
      throw new CatalogueException("corrupt vector for paper " + id + " in " + store.url() + ": "
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
