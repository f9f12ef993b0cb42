package org.paperlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paperlens.config.Config;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.paper.CatalogueStore;

/**
 * Makes the centre resource of {@code index.VectorCodes} for the configured model: the mean of the
 * vectors DATA_DIR's catalogue holds for it (arXiv listings embedded with {@code paperlens embed}),
 * and the scale that puts the largest centred component seen at {@link #HEADROOM} of the byte, so a
 * paper unlike those seen still fits before it is clamped. Refuses a catalogue with stand-in vectors
 * ({@code bench/fill-vectors}), which are not the model's. Prints what it measured.
 * Usage: {@code VectorCentre DATA_DIR OUT_FILE}.
 */
public final class VectorCentre {

  /** The share of the byte's range (127) the largest centred component seen takes. */
  static final double HEADROOM = 0.8;

  private VectorCentre() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    if (Files.exists(dir.resolve("stand-in-vectors.txt"))) {
      throw new IllegalStateException(dir + " holds stand-in vectors (bench/fill-vectors): use a catalogue embedded for real");
    }
    Config config = Config.resolve(System.getenv(), dir);
    List<float[]> vectors = new ArrayList<>();
    try (CatalogueStore store = CatalogueStore.open(dir)) {
      new VectorStore(store).forEach(config.model(), (PaperVector v) -> vectors.add(v.vector()));
    }
    if (vectors.size() < 500) {
      throw new IllegalStateException(dir + " holds " + vectors.size() + " vectors of " + config.model() + "; embed at least 500 papers");
    }
    int dims = vectors.getFirst().length;
    double[] sum = new double[dims];
    double rawMax = 0;
    for (float[] v : vectors) {
      for (int i = 0; i < dims; i++) {
        sum[i] += v[i];
        rawMax = Math.max(rawMax, Math.abs(v[i]));
      }
    }
    float[] mean = new float[dims];
    double norm = 0;
    for (int i = 0; i < dims; i++) {
      mean[i] = (float) (sum[i] / vectors.size());
      norm += mean[i] * mean[i];
    }
    double centredMax = 0;
    for (float[] v : vectors) {
      for (int i = 0; i < dims; i++) {
        centredMax = Math.max(centredMax, Math.abs(v[i] - mean[i]));
      }
    }
    int scale = (int) Math.floor(127 * HEADROOM / centredMax);
    StringBuilder text = new StringBuilder()
        .append("# The centre of ").append(config.model()).append("'s unit vectors for index.VectorCodes: the mean of ")
        .append(vectors.size()).append(" arXiv listings' vectors\n")
        .append("# (bench/vector-centre; docs/benchmarks.md, \"Vector centres\"). |mean| ").append(String.format("%.3f", Math.sqrt(norm)))
        .append(", largest component ").append(String.format("%.3f", rawMax)).append(", largest centred one ")
        .append(String.format("%.3f", centredMax)).append(", put at ").append((int) (HEADROOM * 100)).append("% of the byte.\n")
        .append("scale ").append(scale).append('\n');
    for (float m : mean) {
      text.append(m).append('\n');
    }
    Files.writeString(out, text);
    System.out.printf("%s: %,d vectors of %d dimensions; |mean| %.3f; largest component %.3f, centred %.3f; scale %d (uncentred %d)%n",
        config.model(), vectors.size(), dims, Math.sqrt(norm), rawMax, centredMax, scale, 256);
  }
}
