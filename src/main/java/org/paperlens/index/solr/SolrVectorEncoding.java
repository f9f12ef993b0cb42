package org.paperlens.index.solr;

import java.util.Map;
import java.util.logging.Logger;
import org.apache.solr.common.util.NamedList;
import org.paperlens.index.PaperFields;

/**
 * Whether the collection keeps vectors as bytes, as the config set of this version declares
 * ({@code vectorEncoding="BYTE"}), or as floats (a collection made from an older config set).
 * Asked once at connect, from the schema API. A float collection is written and searched with
 * float vectors, as it was before, so an upgrade does not break it; the operator makes it again from
 * {@code solr/configset} and reindexes to get the byte vectors (docs/operations.md).
 */
final class SolrVectorEncoding {

  private static final Logger LOG = Logger.getLogger(SolrVectorEncoding.class.getName());

  private SolrVectorEncoding() {}

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

  private static Object value(Object container, String key) {
    return switch (container) {
      case NamedList<?> list -> list.get(key);
      case Map<?, ?> map -> map.get(key);
      case null, default -> null;
    };
  }
}
