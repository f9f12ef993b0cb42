package org.paperlens.index.solr;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.solr.common.util.NamedList;
import org.paperlens.index.PaperFields;
import org.paperlens.index.VectorCodes;

/**
 * How the collection keeps vectors: as byte codes ({@code bytes}), as the config set of this version
 * declares ({@code vectorEncoding="BYTE"}), or as floats (a collection made from an older config set);
 * and, for byte codes, which {@link VectorCodes} they are coded with. Asked once at connect, from the
 * schema API and the watermark document, which records the codes ({@link SolrDocuments#VECTOR_CODES}):
 * a collection is written and searched with the codes it recorded (uncentred when its watermark
 * records none, as before centring), and only an empty one, with no watermark yet, takes the
 * configured ones. A float collection is written and searched with float vectors, as it was before,
 * so an upgrade does not break it; the operator makes it again from {@code solr/configset} and
 * reindexes to get the byte vectors, or other codes (docs/operations.md).
 *
 * @param recordsCodes whether the schema has the field that records the codes (this version's config set)
 */
record SolrVectorEncoding(boolean bytes, VectorCodes codes, boolean recordsCodes) {

  private static final Logger LOG = Logger.getLogger(SolrVectorEncoding.class.getName());

  /**
   * The encoding of the collection {@code solr} speaks to.
   *
   * @param recorded the codes its watermark document records: null when it has no watermark yet,
   *     blank when the watermark records none
   */
  static SolrVectorEncoding of(SolrConnection solr, String recorded, VectorCodes configured) {
    if (!bytes(solr)) {
      return new SolrVectorEncoding(false, VectorCodes.UNCENTRED, false);
    }
    boolean records = fieldNames(solr.schema("/schema/fields").get("fields")).contains(SolrDocuments.VECTOR_CODES);
    if (!records) {
      return new SolrVectorEncoding(true, VectorCodes.UNCENTRED, false);
    }
    return new SolrVectorEncoding(true, recorded == null ? configured : VectorCodes.byName(recorded), true);
  }

  /** True when the collection's vector field is declared with byte encoding. */
  static boolean bytes(SolrConnection solr) {
    Object type = value(solr.schema("/schema/fields/" + PaperFields.VECTOR).get("field"), "type");
    if (type == null) {
      return true; // no vector field: nothing to send either way
    }
    boolean bytes = isByte(solr.schema("/schema/fieldtypes/" + type).get("fieldType"));
    if (!bytes) {
      LOG.warning(() -> "the SolrCloud collection " + solr.collection() + " keeps float vectors (field type " + type
          + " has no vectorEncoding=\"BYTE\": an older config set); paperlens sends it float vectors until it is made"
          + " again from solr/configset and reindexed");
    }
    return bytes;
  }

  /** True when a field type's declaration (the schema API's {@code fieldType}) says BYTE. */
  static boolean isByte(Object fieldType) {
    Object encoding = value(fieldType, "vectorEncoding");
    return encoding != null && "BYTE".equalsIgnoreCase(encoding.toString());
  }

  /** The names of the schema API's {@code fields} list. */
  static List<String> fieldNames(Object fields) {
    if (!(fields instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().map(f -> value(f, "name")).filter(java.util.Objects::nonNull).map(Object::toString).toList();
  }

  private static Object value(Object container, String key) {
    return switch (container) {
      case NamedList<?> list -> list.get(key);
      case Map<?, ?> map -> map.get(key);
      case null, default -> null;
    };
  }
}
