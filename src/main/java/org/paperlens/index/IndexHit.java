package org.paperlens.index;

import org.paperlens.paper.PaperId;

/** One result from one retriever, with that retriever's own score (BM25 or vector similarity). */
public record IndexHit(PaperId id, float score) {}
