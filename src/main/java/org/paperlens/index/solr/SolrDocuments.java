package org.paperlens.index.solr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.PaperFieldValues;
import org.paperlens.index.PaperFields;
import org.paperlens.index.VectorCodes;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * A paper as a Solr document and back: the values {@link PaperFieldValues} works out for the
 * fields of {@link PaperFields} (as the embedded index gets them), plus Solr's own bookkeeping fields.
 */
final class SolrDocuments {

  /** Whether a paper has a vector: dense vector fields answer no "exists" query. */
  static final String HAS_VECTOR = "has_vector";
  /** When the write that put the document happened (epoch ms): a rebuild deletes what is older than itself. */
  static final String BUILD = "build";
  /** The one document that is not a paper: the catalogue watermark of the collection. */
  static final String WATERMARK_ID = "paperlens.watermark";
  static final String WATERMARK = "watermark";
  /** On the watermark document: the {@link VectorCodes#name} of the collection's byte vectors ({@link SolrVectorEncoding}). */
  static final String VECTOR_CODES = "vector_codes";
  /** What a result list needs, as {@link IndexedPaper} holds it. */
  static final String STORED = String.join(",", PaperFields.ID, PaperFields.TITLE, PaperFields.TITLE_TEX,
      PaperFields.AUTHORS, PaperFields.PRIMARY_CATEGORY, PaperFields.DATE, PaperFields.ABSTRACT, PaperFields.CODE_URL);

  private SolrDocuments() {}

  /** The document for a collection of this version's config set: the vector as its 8-bit code, coded as {@code codes}. */
  static SolrInputDocument of(Paper paper, float[] vector, long build, VectorCodes codes) {
    return of(PaperFieldValues.of(paper, vector), build, new SolrVectorEncoding(true, codes, true));
  }

  /** The document for the collection whose vectors are kept as {@code vectors} says. */
  static SolrInputDocument of(Paper paper, float[] vector, long build, SolrVectorEncoding vectors) {
    return of(PaperFieldValues.of(paper, vector), build, vectors);
  }

  static SolrInputDocument of(PaperFieldValues v, long build, SolrVectorEncoding vectors) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(PaperFields.ID, v.id());
    if (v.title() != null) {
      doc.setField(PaperFields.TITLE, v.title());
    }
    for (String key : v.titleKeys()) {
      doc.addField(PaperFields.TITLE_KEY, key);
    }
    if (v.titleTex() != null) {
      doc.setField(PaperFields.TITLE_TEX, v.titleTex());
    }
    if (v.abstractText() != null) {
      doc.setField(PaperFields.ABSTRACT, v.abstractText());
    }
    for (String author : v.authors()) {
      doc.addField(PaperFields.AUTHORS, author);
    }
    for (String key : v.authorKeys()) {
      doc.addField(PaperFields.AUTHOR_KEY, key);
    }
    if (v.hasCode()) {
      doc.setField(PaperFields.CODE, PaperFieldValues.HAS_CODE);
      doc.setField(PaperFields.CODE_URL, v.codeUrl());
    }
    for (String category : v.categories()) {
      doc.addField(PaperFields.CATEGORY, category);
    }
    if (v.primaryCategory() != null) {
      doc.setField(PaperFields.PRIMARY_CATEGORY, v.primaryCategory());
    }
    if (v.date() != null) {
      doc.setField(PaperFields.DATE, (int) v.date().toEpochDay());
    }
    if (v.vector() != null) {
      doc.setField(PaperFields.VECTOR, vectors.bytes() ? codes(vectors.codes(), v.vector()) : floats(v.vector()));
    }
    doc.setField(HAS_VECTOR, v.vector() != null);
    doc.setField(BUILD, build);
    return doc;
  }

  /** Our own 8-bit codes, as the embedded index keeps them (the config set's vectorEncoding="BYTE"). */
  private static List<Integer> codes(VectorCodes codes, float[] vector) {
    byte[] code = codes.encode(vector);
    List<Integer> values = new ArrayList<>(code.length);
    for (byte c : code) {
      values.add((int) c);
    }
    return values;
  }

  private static List<Float> floats(float[] vector) {
    List<Float> values = new ArrayList<>(vector.length);
    for (float x : vector) {
      values.add(x);
    }
    return values;
  }

  /** The watermark document, recording the collection's codes when its schema has the field for them. */
  static SolrInputDocument watermark(long seq, long build, SolrVectorEncoding vectors) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(PaperFields.ID, WATERMARK_ID);
    doc.setField(WATERMARK, seq);
    if (vectors.bytes() && vectors.recordsCodes()) {
      doc.setField(VECTOR_CODES, vectors.codes().name());
    }
    doc.setField(BUILD, build);
    return doc;
  }

  static IndexedPaper toPaper(SolrDocument doc) {
    Object date = doc.getFieldValue(PaperFields.DATE);
    Object tex = doc.getFieldValue(PaperFields.TITLE_TEX);
    Collection<Object> authors = doc.getFieldValues(PaperFields.AUTHORS);
    return new IndexedPaper(new PaperId((String) doc.getFieldValue(PaperFields.ID)),
        (String) (tex != null ? tex : doc.getFieldValue(PaperFields.TITLE)),
        authors == null ? List.of() : authors.stream().map(String::valueOf).toList(),
        (String) doc.getFieldValue(PaperFields.PRIMARY_CATEGORY),
        date == null ? null : LocalDate.ofEpochDay(((Number) date).intValue()),
        (String) doc.getFieldValue(PaperFields.ABSTRACT), (String) doc.getFieldValue(PaperFields.CODE_URL));
  }
}
