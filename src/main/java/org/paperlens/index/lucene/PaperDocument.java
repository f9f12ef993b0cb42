package org.paperlens.index.lucene;

import java.time.LocalDate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.paperlens.index.PaperFields;
import org.paperlens.paper.Paper;
import org.paperlens.paper.TexText;

/** Turns a catalogue {@link Paper} (and its vector, when it has one) into a Lucene document. */
public final class PaperDocument {

  private PaperDocument() {}

  static Document of(Paper paper, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(PaperFields.ID, paper.id().value(), Field.Store.YES));
    // Doc values of the id: hits and feature rows are turned into ids without a stored-field read.
    doc.add(new SortedDocValuesField(PaperFields.ID, new org.apache.lucene.util.BytesRef(paper.id().value())));
    // Title and abstract are indexed (and stored, for snippets and explanations) as readable text:
    // TeX commands are not words a reader searches for or wants to see in a snippet or a reason.
    if (paper.title() != null) {
      String plain = TexText.plain(paper.title());
      doc.add(new TextField(PaperFields.TITLE, plain, Field.Store.YES));
      doc.add(new StringField(PaperFields.TITLE_KEY, PaperFields.titleKey(plain), Field.Store.NO));
      if (!plain.equals(paper.title())) {
        doc.add(new StoredField(PaperFields.TITLE_TEX, paper.title()));
        doc.add(new StringField(PaperFields.TITLE_KEY, PaperFields.titleKey(paper.title()), Field.Store.NO));
      }
    }
    if (paper.abstractText() != null) {
      doc.add(new TextField(PaperFields.ABSTRACT, TexText.plain(paper.abstractText()), Field.Store.YES));
    }
    for (String author : paper.authors()) {
      doc.add(new TextField(PaperFields.AUTHORS, author, Field.Store.YES));
      doc.add(new StringField(PaperFields.AUTHOR_KEY, PaperFields.authorKey(author), Field.Store.NO));
    }
    org.paperlens.paper.CodeLinks.codeUrl(paper).ifPresent(url -> {
      doc.add(new StringField(PaperFields.CODE, "yes", Field.Store.NO));
      doc.add(new StoredField(PaperFields.CODE_URL, url));
    });
    for (String category : paper.categories()) {
      doc.add(new StringField(PaperFields.CATEGORY, category, Field.Store.NO));
    }
    if (paper.primaryCategory() != null) {
      doc.add(new StoredField(PaperFields.PRIMARY_CATEGORY, paper.primaryCategory()));
    }
    LocalDate date = dateOf(paper);
    if (date != null) {
      int day = (int) date.toEpochDay();
      doc.add(new IntPoint(PaperFields.DATE, day));
      doc.add(new StoredField(PaperFields.DATE, day));
    }
    if (vector != null) {
      doc.add(new KnnFloatVectorField(PaperFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return doc;
  }

  /** The date a reader cares about: when the paper was first listed, else when it was submitted. */
  public static LocalDate dateOf(Paper p) {
    return p.firstListed() != null ? p.firstListed() : p.submitted() != null ? p.submitted() : p.updated();
  }
}
