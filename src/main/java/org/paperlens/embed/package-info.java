/**
 * Sentence embeddings of papers, computed on the CPU and offline: the models shipped on the class
 * path ({@link org.paperlens.embed.EmbeddingModel}) and the ONNX {@link org.paperlens.embed.Encoder}.
 */
package org.paperlens.embed;
