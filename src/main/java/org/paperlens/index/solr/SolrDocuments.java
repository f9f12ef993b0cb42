package org.paperlens.index.solr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.PaperFields;
import org.paperlens.index.lucene.PaperDocument;
import org.paperlens.paper.CodeLinks;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.paper.TexText;

/**
 * A paper as a Solr document and back: the fields of {@link PaperFields}, filled as
 * {@link PaperDocument} fills the embedded index's, plus Solr's own bookkeeping fields.
 */
final class SolrDocuments {

  /** Whether a paper has a vector: dense vector fields answer no "exists" query. */
  static final String HAS_VECTOR = "has_vector";
  /** When the write that put the document happened (epoch ms): a rebuild deletes what is older than itself. */
  static final String BUILD = "build";
  /** The one document that is not a paper: the catalogue watermark of the collection. */
  static final String WATERMARK_ID = "paperlens.watermark";
  static final String WATERMARK = "watermark";
  /** What a result list needs, as {@link IndexedPaper} holds it. */
  static final String STORED = String.join(",", PaperFields.ID, PaperFields.TITLE, PaperFields.TITLE_TEX,
      PaperFields.AUTHORS, PaperFields.PRIMARY_CATEGORY, PaperFields.DATE, PaperFields.ABSTRACT, PaperFields.CODE_URL);

  private SolrDocuments() {}

  static SolrInputDocument of(Paper paper, float[] vector, long build) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(PaperFields.ID, paper.id().value());
    if (paper.title() != null) {
      String plain = TexText.plain(paper.title());
      doc.setField(PaperFields.TITLE, plain);
      doc.addField(PaperFields.TITLE_KEY, PaperFields.titleKey(plain));
      if (!plain.equals(paper.title())) {
        doc.setField(PaperFields.TITLE_TEX, paper.title());
        doc.addField(PaperFields.TITLE_KEY, PaperFields.titleKey(paper.title()));
      }
    }
    if (paper.abstractText() != null) {
      doc.setField(PaperFields.ABSTRACT, TexText.plain(paper.abstractText()));
    }
    for (String author : paper.authors()) {
      doc.addField(PaperFields.AUTHORS, author);
      doc.addField(PaperFields.AUTHOR_KEY, PaperFields.authorKey(author));
    }
    CodeLinks.codeUrl(paper).ifPresent(url -> { // one scan: a paper has code exactly when it has a first link
      doc.setField(PaperFields.CODE, "yes");
      doc.setField(PaperFields.CODE_URL, url);
    });
    for (String category : paper.categories()) {
      doc.addField(PaperFields.CATEGORY, category);
    }
    if (paper.primaryCategory() != null) {
      doc.setField(PaperFields.PRIMARY_CATEGORY, paper.primaryCategory());
    }
    LocalDate date = PaperDocument.dateOf(paper);
    if (date != null) {
      doc.setField(PaperFields.DATE, (int) date.toEpochDay());
    }
    if (vector != null) {
      List<Float> values = new ArrayList<>(vector.length);
      for (float v : vector) {
        values.add(v);
      }
      doc.setField(PaperFields.VECTOR, values);
    }
    doc.setField(HAS_VECTOR, vector != null);
    doc.setField(BUILD, build);
    return doc;
  }

  static SolrInputDocument watermark(long seq, long build) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(PaperFields.ID, WATERMARK_ID);
    doc.setField(WATERMARK, seq);
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
