package org.paperlens.index.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.paperlens.index.PaperFields;
import org.paperlens.index.lucene.PaperDocument;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/** Both engines get the same values in every field from one paper (no SolrCloud needed). */
class SolrDocumentsTest {

  private static final List<String> TEXT_FIELDS = List.of(PaperFields.ID, PaperFields.TITLE, PaperFields.TITLE_TEX,
      PaperFields.TITLE_KEY, PaperFields.ABSTRACT, PaperFields.AUTHORS, PaperFields.AUTHOR_KEY, PaperFields.CATEGORY,
      PaperFields.PRIMARY_CATEGORY, PaperFields.CODE, PaperFields.CODE_URL);

  private static List<String> lucene(Document doc, String field) {
    // The id has a doc-values twin with no string value; every other field is one value per entry.
    return Arrays.stream(doc.getFields(field)).map(IndexableField::stringValue).filter(Objects::nonNull).toList();
  }

  private static List<String> solr(SolrInputDocument doc, String field) {
    Collection<Object> values = doc.getFieldValues(field);
    return values == null ? List.of() : values.stream().map(String::valueOf).toList();
  }

  @Test
  void the_embedded_and_the_solr_document_hold_the_same_values_in_every_field() {
    Paper paper = Paper.builder(new PaperId("2401.00301")).title("Bounds of $\\sqrt{n}$ Samples")
        .abstractText("We need few queries. Code: https://github.com/a/b")
        .authors(List.of("José  García", "Aﬁf Rahman")).categories(List.of("cs.LG", "stat.ML"))
        .firstListed(LocalDate.of(2024, 1, 4)).build();
    float[] vector = {0.6f, 0.8f};
    Document embedded = PaperDocument.of(paper, vector);
    SolrInputDocument remote = SolrDocuments.of(paper, vector, 7L, org.paperlens.index.VectorCodes.UNCENTRED);
    for (String field : TEXT_FIELDS) {
      assertThat(solr(remote, field)).as(field).isEqualTo(lucene(embedded, field)).isNotEmpty();
    }
    Number day = Arrays.stream(embedded.getFields(PaperFields.DATE)).map(IndexableField::numericValue)
        .filter(Objects::nonNull).findFirst().orElseThrow();
    assertThat(remote.getFieldValue(PaperFields.DATE)).isEqualTo(day.intValue()).isEqualTo((int) LocalDate.of(2024, 1, 4).toEpochDay());
    // The same 8-bit codes in both (0.6 and 0.8 at the scale of a 2-dimensional vector, 127).
    byte[] code = ((org.apache.lucene.document.KnnByteVectorField) embedded.getField(PaperFields.VECTOR)).vectorValue();
    assertThat(code).containsExactly(76, 102);
    assertThat(solr(remote, PaperFields.VECTOR)).containsExactly("76", "102");
    assertThat(remote.getFieldValue(SolrDocuments.HAS_VECTOR)).isEqualTo(true);
  }

  @Test
  void a_collection_of_an_older_config_set_gets_float_vectors_and_one_of_this_config_set_codes() {
    var bytes = new org.apache.solr.common.util.SimpleOrderedMap<Object>();
    bytes.add("name", "knn_vector");
    bytes.add("vectorEncoding", "BYTE");
    var floats = new org.apache.solr.common.util.SimpleOrderedMap<Object>();
    floats.add("name", "knn_vector");
    assertThat(SolrVectorEncoding.isByte(bytes)).isTrue();
    assertThat(SolrVectorEncoding.isByte(java.util.Map.of("vectorEncoding", "BYTE"))).isTrue();
    assertThat(SolrVectorEncoding.isByte(floats)).isFalse();
    assertThat(SolrVectorEncoding.isByte(null)).isFalse();
    Paper paper = Paper.builder(new PaperId("2401.00302")).title("T").firstListed(LocalDate.of(2024, 1, 4)).build();
    assertThat(solr(SolrDocuments.of(paper, new float[] {0.6f, 0.8f}, 7L, new SolrVectorEncoding(false, org.paperlens.index.VectorCodes.UNCENTRED, false)), PaperFields.VECTOR)).containsExactly("0.6", "0.8");
    assertThat(SolrQueries.nearest(new float[] {0.6f, 0.8f}, 5, false).getQuery()).endsWith("[0.6,0.8]");
    // The query at its own scale, its largest component at 127 (0.8 · 127/0.8, 0.6 · 127/0.8 = 95.25).
    assertThat(SolrQueries.nearest(new float[] {0.6f, 0.8f}, 5, true).getQuery()).endsWith("[95,127]");
  }
}
