package org.paperlens.embed;

import java.nio.FloatBuffer;

/** How a model turns the hidden states of its tokens into one vector for the whole text. */
public enum Pooling {

  /** The hidden state of the first token ({@code [CLS]}), as bge was trained. */
  CLS {
    @Override
    void pool(FloatBuffer hidden, int row, int seqLen, int dim, long[] mask, float[] into) {
      int base = row * seqLen * dim;
      for (int d = 0; d < dim; d++) {
        into[d] = hidden.get(base + d);
      }
    }
  },

  /** The mean over the real tokens (attention mask 1), so padding does not dilute it. */
  MEAN {
    @Override
    void pool(FloatBuffer hidden, int row, int seqLen, int dim, long[] mask, float[] into) {
      java.util.Arrays.fill(into, 0f);
      int count = 0;
      for (int t = 0; t < seqLen; t++) {
        if (mask[row * seqLen + t] == 0) {
          continue;
        }
        count++;
        int base = (row * seqLen + t) * dim;
        for (int d = 0; d < dim; d++) {
          into[d] += hidden.get(base + d);
        }
      }
      for (int d = 0; d < dim; d++) {
        into[d] /= Math.max(count, 1);
      }
    }
  };

  /**
   * Pools row {@code row} of a {@code [batch, seqLen, dim]} tensor laid out row-major in
   * {@code hidden}, with {@code mask} the {@code [batch, seqLen]} attention mask, into {@code into}.
   */
  abstract void pool(FloatBuffer hidden, int row, int seqLen, int dim, long[] mask, float[] into);
}
