package org.paperlens.embed;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sentence-embedding models paperlens can run. Their ONNX weights and tokenizers are class-path
 * resources (from the langchain4j model jars), so nothing is downloaded at run time.
 *
 * <p>All but the fp32 bge are int8-quantised exports of the original models, which is what makes
 * embedding a whole catalogue affordable on a small CPU.
 */
public enum EmbeddingModel {

  /**
   * BAAI bge-small-en-v1.5. Its model card asks for CLS pooling and, for short queries that
   * retrieve passages, an instruction in front of the query; passages get none.
   */
  BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
      384, Pooling.CLS, 512, "Represent this sentence for searching relevant passages: "),

  /**
   * The same bge-small-en-v1.5 unquantised (fp32): four times the download and slower per paper;
   * measured against the int8 one in docs/relevance.md.
   */
  BGE_SMALL_EN_V15("bge-small-en-v1.5", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json",
      384, Pooling.CLS, 512, "Represent this sentence for searching relevant passages: "),

  /**
   * intfloat e5-small-v2 (int8), a second small model trained differently from bge, for a second
   * meaning list. Its model card asks for mean pooling and a prefix on both sides: "query: " before
   * queries and "passage: " before passages.
   */
  E5_SMALL_V2_Q("e5-small-v2-q", "e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json",
      384, Pooling.MEAN, 512, "query: ", "passage: "),

  /** sentence-transformers all-MiniLM-L6-v2: mean pooling, trained on inputs of up to 256 tokens. */
  ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
      384, Pooling.MEAN, 256, "");

  /** The model used when none is configured. */
  public static final EmbeddingModel DEFAULT = BGE_SMALL_EN_V15_Q;

  private final String configName;
  private final String onnxResource;
  private final String tokenizerResource;
  private final int dimension;
  private final Pooling pooling;
  private final int maxTokens;
  private final String queryInstruction;
  private final String passagePrefix;

  EmbeddingModel(String configName, String onnxResource, String tokenizerResource, int dimension,
      Pooling pooling, int maxTokens, String queryInstruction) {
    this(configName, onnxResource, tokenizerResource, dimension, pooling, maxTokens, queryInstruction, "");
  }

  EmbeddingModel(String configName, String onnxResource, String tokenizerResource, int dimension,
      Pooling pooling, int maxTokens, String queryInstruction, String passagePrefix) {
    this.passagePrefix = passagePrefix;
    this.configName = configName;
    this.onnxResource = onnxResource;
    this.tokenizerResource = tokenizerResource;
    this.dimension = dimension;
    this.pooling = pooling;
    this.maxTokens = maxTokens;
    this.queryInstruction = queryInstruction;
  }

  /** The name used in configuration, on the command line and in the {@code paper_vectors.model} column. */
  public String configName() {
    return configName;
  }

  /** Class-path resource (at the root) holding the ONNX graph. */
  public String onnxResource() {
    return onnxResource;
  }

  /** Class-path resource (at the root) holding the Hugging Face {@code tokenizer.json}. */
  public String tokenizerResource() {
    return tokenizerResource;
  }

  public int dimension() {
    return dimension;
  }

  public Pooling pooling() {
    return pooling;
  }

  /** Inputs are truncated to this many tokens, special tokens included: the model's own limit. */
  public int maxTokens() {
    return maxTokens;
  }

  /** Put in front of queries (never documents); empty when the model wants none. */
  public String queryInstruction() {
    return queryInstruction;
  }

  /** Put in front of every document text before it is embedded; empty when the model wants none. */
  public String passagePrefix() {
    return passagePrefix;
  }

  /** Vectors are scaled to unit length, so a dot product is the cosine similarity. */
  public boolean normalised() {
    return true;
  }

  public static Optional<EmbeddingModel> byName(String name) {
    return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst();
  }

  /** The known names, comma-separated, for messages about a bad one. */
  public static String names() {
    return Arrays.stream(values()).map(EmbeddingModel::configName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return configName;
  }
}
