package org.paperlens.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.paperlens.config.Config;
import org.paperlens.embed.EmbeddedText;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.paper.CatalogueStore;

/**
 * Benchmark set-up only: gives every paper of a catalogue that has no vector a stand-in one (the
 * real vector of a random embedded paper plus noise, as {@link Scale} makes its copies), stored
 * under the paper's own text hash so {@code serve} takes it as up to date and embeds nothing in
 * the background. Embedding all 74,728 listings takes most of an hour of both cores; a page-load
 * benchmark needs the index's size and full coverage, not the vectors' meaning. Never run it on
 * a catalogue people use: it says so, and the report names how many vectors are stand-ins.
 */
public final class FillVectors {

  private FillVectors() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Config config = Config.resolve(System.getenv(), dir);
    try (CatalogueStore store = CatalogueStore.open(dir)) {
      VectorStore vectors = new VectorStore(store);
      Map<String, float[]> real = new HashMap<>();
      vectors.forEach(config.model(), v -> real.put(v.id().value(), v.vector()));
      if (real.isEmpty()) {
        throw new IllegalStateException(dir + " holds no embedded paper to make stand-ins from: run `paperlens embed --limit 2000` first");
      }
      List<float[]> pool = new ArrayList<>(real.values());
      Random random = new Random(42);
      List<PaperVector> batch = new ArrayList<>();
      long[] filled = {0};
      store.forEachLive(p -> {
        EmbeddedText text = EmbeddedText.of(p);
        if (text.isEmpty() || real.containsKey(p.id().value())) {
          return;
        }
        batch.add(new PaperVector(p.id(), Scale.noisy(pool.get(random.nextInt(pool.size())), random), text.hash()));
        filled[0]++;
      });
      for (int i = 0; i < batch.size(); i += 5000) {
        vectors.put(config.model(), batch.subList(i, Math.min(batch.size(), i + 5000)));
      }
      System.out.printf("%d %d%n", real.size(), filled[0]);
      System.err.printf("fill-vectors: %,d papers embedded for real, %,d given stand-in vectors (BENCHMARK COPY ONLY)%n",
          real.size(), filled[0]);
    }
  }
}
