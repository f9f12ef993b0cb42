package org.paperlens.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.paperlens.common.RequestGauge;

/**
 * Turns text into unit-length vectors with one {@link EmbeddingModel}, on the CPU.
 *
 * <p>Owns an ONNX Runtime session and a tokenizer, both native resources: close it. Opening costs
 * a second or so (the model is read from the class path and optimised), so open one per job, not
 * per text. Not for concurrent use: one thread at a time.
 *
 * <p>Texts are embedded in batches; within a call they are sorted by token count first, so each
 * batch pads to nearly its own length instead of the longest text's. The result does not depend
 * on the order or grouping of the texts beyond float rounding (and, for these int8 models, the
 * batch-wide scale of dynamic quantisation; see {@code EncoderTest}).
 *
 * <p>Longer than 300 lines because the run that gives way to requests shares the batching, the
 * tensors and the session with the plain one; apart it would have to expose them.
 */
public final class Encoder implements AutoCloseable {

  /**
   * How to run the model.
   *
   * @param threads ONNX Runtime intra-op threads (matrix products split across cores)
   * @param batchSize texts per model run
   * @param maxTokens inputs are cut to this many tokens, special tokens included; 0 means the
   *     model's own limit ({@link EmbeddingModel#maxTokens()}). A shorter cut embeds faster; whether
   *     it costs relevance is measured, not guessed (docs/relevance.md, "Truncation").
   * @param spinning whether idle intra-op threads spin waiting for work (ONNX Runtime's own
   *     default) instead of sleeping: faster on a machine left to the embedding (bulk `embed --spin`
   *     matched plain ONNX Runtime only with it), slower on a shared one, where spinning threads
   *     take the cores others need; off unless asked for
   */
  public record Options(int threads, int batchSize, int maxTokens, boolean spinning) {

    /**
     * Both cores of the 2-core development machine: about twice one thread's papers/s when the
     * machine is otherwise idle (docs/benchmarks.md). When other work competes for the CPU one
     * thread can do as well; {@code --threads 1} is there for that.
     */
    public static final int DEFAULT_THREADS = 2;
    /**
     * Batches of 8 did more per CPU second than batches of 32 (whose attention tensors at 512
     * tokens also double peak memory, to about 2 GiB); see docs/benchmarks.md.
     */
    public static final int DEFAULT_BATCH_SIZE = 8;
    public static final Options DEFAULT = new Options(DEFAULT_THREADS, DEFAULT_BATCH_SIZE);

    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + threads);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
      }
      // Fewer than 16 tokens would leave little but the special tokens and a few title words.
      if (maxTokens != 0 && maxTokens < 16) {
        throw new IllegalArgumentException("max tokens must be at least 16 (or 0 for the model's limit), was " + maxTokens);
      }
    }

    /** The model's own truncation limit. */
    public Options(int threads, int batchSize) {
      this(threads, batchSize, 0, false);
    }

    /** The cut actually applied with {@code model}: never beyond what the model was trained on. */
    public int maxTokens(EmbeddingModel model) {
      return maxTokens == 0 ? model.maxTokens() : Math.min(maxTokens, model.maxTokens());
    }
  }

  private static final String INPUT_IDS = "input_ids";
  private static final String ATTENTION_MASK = "attention_mask";
  private static final String TOKEN_TYPE_IDS = "token_type_ids";

  private final EmbeddingModel model;
  private final Options options;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTokenTypes;
  private final java.util.Set<String> outputs;
  private final java.util.concurrent.atomic.AtomicLong aborted = new java.util.concurrent.atomic.AtomicLong();

  private Encoder(EmbeddingModel model, Options options, OrtEnvironment env, OrtSession session,
      HuggingFaceTokenizer tokenizer) throws OrtException {
    this.model = model;
    this.options = options;
    this.env = env;
    this.session = session;
    this.tokenizer = tokenizer;
    // BERT exports differ in whether they take segment ids; feeding an input the graph lacks is an error.
    this.wantsTokenTypes = session.getInputNames().contains(TOKEN_TYPE_IDS);
    this.outputs = java.util.Set.of(session.getOutputNames().iterator().next());
  }

  /** Loads {@code model} from the class path. Throws {@link EncoderException} if it is missing or broken. */
  public static Encoder open(EmbeddingModel model, Options options) {
    byte[] onnx = resource(model, model.onnxResource());
    OrtEnvironment env = OrtEnvironment.getEnvironment(); // process-wide; never closed by us
    OrtSession session = null;
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      so.setIntraOpNumThreads(options.threads());
      so.setInterOpNumThreads(1);
      // Idle intra-op threads sleep unless asked to spin: on a shared machine spinning burnt a
      // quarter more CPU for a quarter fewer papers/s; on an idle one sleeping cost 3-6 % of
      // throughput against plain ONNX Runtime (docs/benchmarks.md, "Embedding against plain ONNX Runtime").
      so.addConfigEntry("session.intra_op.allow_spinning", options.spinning() ? "1" : "0");
      session = env.createSession(onnx, so);
      HuggingFaceTokenizer tokenizer;
      try (InputStream json = open(model, model.tokenizerResource())) {
        // Padding is ours (per sorted batch); truncation at the model's limit keeps long abstracts legal.
        tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of(
            "maxLength", Integer.toString(options.maxTokens(model)),
            "truncation", "true",
            "padding", "false",
            "addSpecialTokens", "true"));
      }
      return new Encoder(model, options, env, session, tokenizer);
    } catch (OrtException | IOException | RuntimeException e) {
      if (session != null) {
        try {
          session.close();
        } catch (OrtException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof EncoderException ee) {
        throw ee;
      }
      throw new EncoderException("cannot load embedding model " + model + ": " + e.getMessage(), e);
    }
  }

  private static byte[] resource(EmbeddingModel model, String name) {
    try (InputStream in = open(model, name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new EncoderException("cannot read " + name + " of embedding model " + model + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(EmbeddingModel model, String name) {
    InputStream in = Encoder.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new EncoderException("embedding model " + model + " is not installed: " + name
          + " is not on the class path", null);
    }
    return in;
  }

  public EmbeddingModel model() {
    return model;
  }

  public Options options() {
    return options;
  }

  /**
   * One vector per text, in the order given. Documents are embedded as they are, behind the model's
   * passage prefix when it has one (e5's "passage: ").
   */
  public float[][] embedDocuments(List<String> texts) {
    try {
      return embed(texts, null);
    } catch (InterruptedException e) {
      throw new AssertionError("nothing waits without a gauge", e);
    }
  }

  /**
   * As {@link #embedDocuments(List)}, giving way to requests: before each model run it waits until
   * {@code gauge} is idle, and a request arriving during a run aborts that run at once (ONNX
   * Runtime's terminate flag, checked between the graph's operators), to be run again once the
   * server is idle. The vectors are those of an undisturbed call.
   *
   * @throws InterruptedException when the thread is interrupted while waiting; nothing is returned
   */
  public float[][] embedDocuments(List<String> texts, RequestGauge gauge) throws InterruptedException {
    return embed(texts, java.util.Objects.requireNonNull(gauge));
  }

  /** Model runs aborted by an arriving request (and run again) since this encoder was opened. */
  public long aborted() {
    return aborted.get();
  }

  /** The vector of a search query, with the model's query instruction in front. */
  public float[] embedQuery(String query) {
    // encode, not batchEncode: a batch of one still goes through the tokenizer's thread pool.
    return run(List.of(tokenizer.encode(model.queryInstruction() + query)), null)[0];
  }

  /** Tokens the model would see for {@code text} (special tokens included, after truncation). */
  public int tokenCount(String text) {
    return tokenizer.encode(text).getIds().length;
  }

  private float[][] embed(List<String> texts, RequestGauge gauge) throws InterruptedException {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    String prefix = model.passagePrefix();
    Encoding[] encodings = tokenizer.batchEncode(prefix.isEmpty() ? texts : texts.stream().map(t -> prefix + t).toList());
    int[] order = IntStream.range(0, encodings.length).boxed()
        .sorted(Comparator.comparingInt(i -> encodings[i].getIds().length))
        .mapToInt(Integer::intValue).toArray();
    float[][] out = new float[encodings.length][];
    for (int start = 0; start < order.length; start += options.batchSize()) {
      int end = Math.min(start + options.batchSize(), order.length);
      List<Encoding> batch = new ArrayList<>(end - start);
      for (int k = start; k < end; k++) {
        batch.add(encodings[order[k]]);
      }
      float[][] vectors = gauge == null ? run(batch, null) : runWhenIdle(batch, gauge);
      for (int k = start; k < end; k++) {
        out[order[k]] = vectors[k - start];
      }
    }
    return out;
  }

  /**
   * Times a batch's run may be aborted before it is let run to its end: on a machine so loaded that
   * one run outlasts the gap between requests (a status poll every few seconds), aborting every time
   * would never embed anything. The third run still waits for an idle moment; only a request
   * arriving during it waits for it (one batch, a fraction of a second on an ordinary machine).
   */
  static final int MAX_ABORTS = 2;

  /** One model run over the batch while no request is in flight; aborted and repeated when one arrives. */
  private float[][] runWhenIdle(List<Encoding> batch, RequestGauge gauge) throws InterruptedException {
    try (OrtSession.RunOptions options = new OrtSession.RunOptions()) {
      java.util.concurrent.atomic.AtomicBoolean terminated = new java.util.concurrent.atomic.AtomicBoolean();
      Runnable terminate = () -> {
        terminated.set(true);
        try {
          options.setTerminate(true);
        } catch (OrtException e) {
          throw new EncoderException("cannot abort a run of embedding model " + model + ": " + e.getMessage(), e);
        }
      };
      for (int aborts = 0; ; ) {
        gauge.awaitIdle();
        if (aborts >= MAX_ABORTS) {
          return run(batch, null);
        }
        terminated.set(false);
        options.setTerminate(false);
        try (RequestGauge.Hook hook = gauge.onArrival(terminate)) {
          if (gauge.busy()) {
            continue; // a request came between the wait and the hook: its arrival may have gone unseen
          }
          return run(batch, options);
        } catch (EncoderException e) {
          if (!terminated.get()) {
            throw e;
          }
          aborts++;
          aborted.incrementAndGet();
        }
      }
    } catch (OrtException e) {
      throw new EncoderException("cannot set up a run of embedding model " + model + ": " + e.getMessage(), e);
    }
  }

  /** One model run over a batch, padded to its longest member; {@code runOptions} may be null. */
  private float[][] run(List<Encoding> batch, OrtSession.RunOptions runOptions) {
    int rows = batch.size();
    int seqLen = batch.stream().mapToInt(e -> e.getIds().length).max().orElseThrow();
    long[] ids = new long[rows * seqLen];
    long[] mask = new long[rows * seqLen];
    long[] types = new long[rows * seqLen];
    for (int r = 0; r < rows; r++) {
      Encoding e = batch.get(r);
      System.arraycopy(e.getIds(), 0, ids, r * seqLen, e.getIds().length);
      System.arraycopy(e.getAttentionMask(), 0, mask, r * seqLen, e.getAttentionMask().length);
      System.arraycopy(e.getTypeIds(), 0, types, r * seqLen, e.getTypeIds().length);
    }
    long[] shape = {rows, seqLen};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put(INPUT_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (wantsTokenTypes) {
        inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
      }
      // Only the hidden states: exports that also emit a pooled output would copy it out for nothing.
      try (OrtSession.Result result = runOptions == null ? session.run(inputs, outputs)
          : session.run(inputs, outputs, runOptions)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        int dim = model.dimension();
        float[][] vectors = new float[rows][dim];
        for (int r = 0; r < rows; r++) {
          model.pooling().pool(hidden, r, seqLen, dim, mask, vectors[r]);
          if (model.normalised()) {
            normalise(vectors[r]);
          }
        }
        return vectors;
      }
    } catch (OrtException e) {
      throw new EncoderException("embedding model " + model + " failed on a batch of " + rows + ": " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private static void normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    float norm = (float) Math.sqrt(sum);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= norm;
      }
    }
  }

  @Override
  public void close() {
    tokenizer.close();
    try {
      session.close();
    } catch (OrtException e) {
      throw new EncoderException("cannot close embedding model " + model + ": " + e.getMessage(), e);
    }
  }
}
