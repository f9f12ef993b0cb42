package org.paperlens.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.common.Progress;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * The small search corpus (fixtures/search-corpus.jsonl) imported and indexed, with hand-made
 * 4-dimensional "topic" vectors, so vector search, filters and fusion can be tested exactly
 * through real Lucene without an embedding model. Axes: molecules, language, robots/vision, physics.
 */
public final class SearchFixture {

  public static final Map<String, float[]> VECTORS = Map.ofEntries(
      Map.entry("2401.00101", unit(1, 0.1f, 0, 0)),
      Map.entry("2401.00102", unit(0, 1, 0.1f, 0)),
      Map.entry("2401.00103", unit(0, 0, 1, 0.1f)),
      Map.entry("2401.00104", unit(0, 0.1f, 1, 0)),
      Map.entry("2401.00105", unit(0.9f, 0.2f, 0, 0)),
      Map.entry("2401.00106", unit(0, 0.9f, 0, 0.1f)),
      Map.entry("2401.00107", unit(0.1f, 0.8f, 0, 0)),
      Map.entry("2401.00108", unit(0, 0, 0.1f, 1)),
      Map.entry("2401.00109", unit(0.8f, 0, 0, 0.3f)),
      Map.entry("2401.00110", unit(0.2f, 0.5f, 0.2f, 0)),
      Map.entry("hep-th/9901001", unit(0, 0, 0, 1)));

  public static final QueryEncoder TOPICS = q -> {
    String s = q.toLowerCase();
    if (s.contains("molec") || s.contains("chem")) {
      return unit(1, 0, 0, 0);
    }
    if (s.contains("language") || s.contains("text")) {
      return unit(0, 1, 0, 0);
    }
    if (s.contains("robot") || s.contains("image")) {
      return unit(0, 0, 1, 0);
    }
    return unit(0, 0, 0, 1);
  };

  public static float[] unit(float... v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(n));
    }
    return out;
  }

  public static CatalogueStore catalogue(Path data) throws IOException {
    CatalogueStore store = TestDatabase.catalogue(data);
    new Importer(store, new Importer.Options(Optional.empty(), "x", 100), Progress.NONE)
        .run(List.of(Fixtures.path("search-corpus.jsonl")), new ImportReport());
    return store;
  }

  public static IndexBuilder.Report index(CatalogueStore store, Path indexRoot) {
    return IndexBuilder.rebuild(store, id -> VECTORS.get(id.value()), indexRoot, IndexSettings.DEFAULT, Progress.NONE);
  }

  public static LuceneIndex open(Path indexRoot) {
    return LuceneIndex.open(indexRoot, IndexSettings.DEFAULT);
  }

  static List<String> ids(List<? extends Object> hits) {
    return hits.stream().map(h -> switch (h) {
      case org.paperlens.index.IndexHit ih -> ih.id().value();
      case SearchHit sh -> sh.paper().id().value();
      default -> throw new IllegalArgumentException(h.toString());
    }).toList();
  }

  static PaperId id(String s) {
    return new PaperId(s);
  }

  private SearchFixture() {}
}
