package org.paperlens.index.lucene;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.VectorQuantization;

/**
 * What a commit of the embedded index records beside its documents (Lucene commit user data): the
 * catalogue watermark, the document layout and the vector quantisation; and, from those, whether
 * an index is current for the settings it is opened with.
 */
final class IndexCommit {

  /** Commit user data: the catalogue change number the commit covers. */
  static final String SEQ_KEY = "catalogue_seq";
  /** Commit user data: the document layout; an index of another layout is rebuilt by serve. */
  static final String FORMAT_KEY = "paperlens_format";
  /** 2: id doc values and a catalogue watermark; 3: code and author key fields, title and abstract as readable text;
   * 4: Lucene 10.6's scalar-quantised vector format (Lucene104), the 10.3 one being read-only now;
   * 5: a stored code link, for the Code chip of search results;
   * 6: the vector quantisation recorded ({@link #QUANTIZATION_KEY});
   * 7: int8 vectors as our own codes in a byte vector field, without Lucene's float copy ({@link VectorField}). */
  static final String FORMAT = "7";
  /** Commit user data: the {@link VectorQuantization#configName} the vectors were quantised with; absent before format 6. */
  static final String QUANTIZATION_KEY = "paperlens_quantization";
  /**
   * Commit user data: the {@link org.paperlens.index.VectorCodes#name} the byte vectors were coded with;
   * absent in format 7 indexes built before centring, whose codes are uncentred. An index is always
   * read with the codes it records, so its scores and decoded vectors stay right whatever is configured.
   */
  static final String CODES_KEY = "paperlens_vector_codes";

  private IndexCommit() {}

  /** The commit user data of a new index built with these settings that covers the catalogue up to {@code seq}. */
  static Set<Map.Entry<String, String>> data(long seq, IndexSettings settings) {
    return data(seq, FORMAT, settings.quantization().configName(), settings.codes().name());
  }

  static Set<Map.Entry<String, String>> data(long seq, String format, String quantization, String codes) {
    return Map.of(SEQ_KEY, Long.toString(seq), FORMAT_KEY, format, QUANTIZATION_KEY, quantization, CODES_KEY, codes).entrySet();
  }

  static Map<String, String> userData(Iterable<Map.Entry<String, String>> entries) {
    Map<String, String> out = new java.util.HashMap<>();
    if (entries != null) {
      entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  /**
   * False for an index of an older document layout ({@code format}), or one whose vectors were
   * quantised ({@code quantization}) otherwise than {@code settings} say: it answers searches, but
   * should be rebuilt.
   */
  static boolean current(String format, String quantization, IndexSettings settings) {
    return FORMAT.equals(format) && settings.quantization().configName().equals(quantization);
  }

  /** Why {@link #current} is false, for a message; empty when it is true. */
  static String staleReason(String format, String quantization, IndexSettings settings) {
    if (!FORMAT.equals(format)) {
      return "the search index has an older layout (format " + format + ", now " + FORMAT + ")";
    }
    if (!current(format, quantization, settings)) {
      return "the search index holds " + quantization + " vectors, the configured quantisation is "
          + settings.quantization().configName();
    }
    return "";
  }
}
