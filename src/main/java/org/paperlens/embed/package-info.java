/**
 * Sentence embeddings of papers, computed on the CPU and offline: the models shipped on the class
 * path ({@link org.paperlens.embed.EmbeddingModel}), the ONNX {@link org.paperlens.embed.Encoder},
 * the vectors kept in the catalogue beside their papers ({@link org.paperlens.embed.VectorStore},
 * the only SQL about vectors; what it needs of papers it asks the catalogue store), and the incremental job that fills in missing ones
 * ({@link org.paperlens.embed.CatalogueEmbedder}). Vectors are stored so that rebuilding a search
 * index never has to embed again.
 */
package org.paperlens.embed;
