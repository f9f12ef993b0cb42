package org.paperlens.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The reference of the embedding benchmarks: what a user of ONNX Runtime's Java API and the
 * Hugging Face tokenizer would write from their examples, nothing of paperlens's. Default session
 * options but the intra-op thread count; inputs in direct buffers; CLS vector, then its norm.
 */
final class PlainOnnxRuntime implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean types;
  private final int dim;

  PlainOnnxRuntime(EmbeddingModel model, int threads) throws Exception {
    byte[] onnx;
    try (InputStream in = PlainOnnxRuntime.class.getResourceAsStream("/" + model.onnxResource())) {
      onnx = in.readAllBytes();
    }
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(threads);
      session = env.createSession(onnx, so);
    }
    try (InputStream json = PlainOnnxRuntime.class.getResourceAsStream("/" + model.tokenizerResource())) {
      tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("maxLength", Integer.toString(model.maxTokens()),
          "truncation", "true", "padding", "false", "addSpecialTokens", "true"));
    }
    types = session.getInputNames().contains("token_type_ids");
    dim = model.dimension();
  }

  /** One text alone, as a query is embedded: one encode, one run of one row. */
  float[] embedOne(String text) throws Exception {
    return run(new Encoding[] {tokenizer.encode(text)}, new int[] {0}, 0, 1)[0];
  }

  /** Texts sorted by token count, in batches of {@code batch}; vectors in the order given. */
  float[][] embed(List<String> texts, int batch) throws Exception {
    Encoding[] enc = tokenizer.batchEncode(texts);
    int[] order = IntStream.range(0, enc.length).boxed().sorted(Comparator.comparingInt(i -> enc[i].getIds().length))
        .mapToInt(Integer::intValue).toArray();
    float[][] out = new float[enc.length][];
    for (int start = 0; start < order.length; start += batch) {
      int rows = Math.min(batch, order.length - start);
      float[][] vectors = run(enc, order, start, rows);
      for (int k = 0; k < rows; k++) {
        out[order[start + k]] = vectors[k];
      }
    }
    return out;
  }

  private float[][] run(Encoding[] enc, int[] order, int start, int rows) throws Exception {
    int len = 0;
    for (int k = 0; k < rows; k++) {
      len = Math.max(len, enc[order[start + k]].getIds().length);
    }
    LongBuffer ids = direct(rows * len);
    LongBuffer mask = direct(rows * len);
    LongBuffer tt = direct(rows * len);
    for (int k = 0; k < rows; k++) {
      Encoding e = enc[order[start + k]];
      ids.position(k * len);
      ids.put(e.getIds());
      mask.position(k * len);
      mask.put(e.getAttentionMask());
    }
    ids.rewind();
    mask.rewind();
    long[] shape = {rows, len};
    float[][] out = new float[rows][];
    try (OnnxTensor i = OnnxTensor.createTensor(env, ids, shape); OnnxTensor m = OnnxTensor.createTensor(env, mask, shape);
        OnnxTensor t = OnnxTensor.createTensor(env, tt, shape)) {
      Map<String, OnnxTensor> in = types ? Map.of("input_ids", i, "attention_mask", m, "token_type_ids", t)
          : Map.of("input_ids", i, "attention_mask", m);
      try (OrtSession.Result r = session.run(in)) {
        FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
        for (int k = 0; k < rows; k++) {
          float[] v = new float[dim];
          hidden.get(k * len * dim, v);
          double norm = 0;
          for (float x : v) {
            norm += x * x;
          }
          for (int d = 0; d < dim; d++) {
            v[d] /= (float) Math.sqrt(norm);
          }
          out[k] = v;
        }
      }
    }
    return out;
  }

  private static LongBuffer direct(int n) {
    return ByteBuffer.allocateDirect(n * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
  }

  @Override
  public void close() throws Exception {
    tokenizer.close();
    session.close();
  }
}
