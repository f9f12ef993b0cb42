package org.paperlens.index.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.paperlens.index.PaperFieldValues;
import org.paperlens.index.PaperFields;
import org.paperlens.paper.Paper;

/**
 * A catalogue {@link Paper} (and its vector, when it has one) as a Lucene document: the values
 * {@link PaperFieldValues} works out, each in the Lucene field type its use needs.
 */
public final class PaperDocument {

  private PaperDocument() {}

  /** The document of a new index: the vector as our own 8-bit code ({@link VectorField#BYTES}). */
  public static Document of(Paper paper, float[] vector) {
    return of(paper, vector, VectorField.BYTES);
  }

  /** The document with its vector kept the way {@code vectors} says (an index's own way, for updates to it). */
  static Document of(Paper paper, float[] vector, VectorField vectors) {
    return of(PaperFieldValues.of(paper, vector), vectors);
  }

  static Document of(PaperFieldValues v, VectorField vectors) {
    Document doc = new Document();
    doc.add(new StringField(PaperFields.ID, v.id(), Field.Store.YES));
    // Doc values of the id: hits and feature rows are turned into ids without a stored-field read.
    doc.add(new SortedDocValuesField(PaperFields.ID, new BytesRef(v.id())));
    if (v.title() != null) {
      doc.add(new TextField(PaperFields.TITLE, v.title(), Field.Store.YES));
    }
    for (String key : v.titleKeys()) {
      doc.add(new StringField(PaperFields.TITLE_KEY, key, Field.Store.NO));
    }
    if (v.titleTex() != null) {
      doc.add(new StoredField(PaperFields.TITLE_TEX, v.titleTex()));
    }
    if (v.abstractText() != null) {
      doc.add(new TextField(PaperFields.ABSTRACT, v.abstractText(), Field.Store.YES));
    }
    for (String author : v.authors()) {
      doc.add(new TextField(PaperFields.AUTHORS, author, Field.Store.YES));
    }
    for (String key : v.authorKeys()) {
      doc.add(new StringField(PaperFields.AUTHOR_KEY, key, Field.Store.NO));
    }
    if (v.hasCode()) {
      doc.add(new StringField(PaperFields.CODE, PaperFieldValues.HAS_CODE, Field.Store.NO));
      doc.add(new StoredField(PaperFields.CODE_URL, v.codeUrl()));
    }
    for (String category : v.categories()) {
      doc.add(new StringField(PaperFields.CATEGORY, category, Field.Store.NO));
    }
    if (v.primaryCategory() != null) {
      doc.add(new StoredField(PaperFields.PRIMARY_CATEGORY, v.primaryCategory()));
    }
    if (v.date() != null) {
      int day = (int) v.date().toEpochDay();
      doc.add(new IntPoint(PaperFields.DATE, day));
      doc.add(new StoredField(PaperFields.DATE, day));
    }
    if (v.vector() != null) {
      doc.add(vectors.field(v.vector()));
    }
    return doc;
  }
}
