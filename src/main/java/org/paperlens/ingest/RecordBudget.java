package org.paperlens.ingest;

/**
 * What an XML record may still take while it is read into memory, in characters of text plus a
 * charge per element, and how deep its elements may nest. Once spent, the reader goes on to the
 * record's end without keeping anything, and the record is reported as malformed. Not
 * thread-safe: one budget per record.
 */
final class RecordBudget {

  /** Elements cost memory whatever their text; a record of a million empty elements is no record. */
  static final int ELEMENT_COST = 64;
  /** arXiv's deepest record nests six elements (record, metadata, arXiv, authors, author, keyname). */
  static final int MAX_DEPTH = 32;

  private final long limit;
  private long remaining;
  private String problem;

  RecordBudget(long limit) {
    this.limit = limit;
    this.remaining = limit;
  }

  /** A budget of {@link RecordLimits#MAX_RECORD_BYTES} characters. */
  static RecordBudget forRecord() {
    return new RecordBudget(RecordLimits.MAX_RECORD_BYTES);
  }

  /** Takes {@code n} characters; false, and the record marked too large, when they do not fit. */
  boolean take(long n) {
    if (problem != null) {
      return false;
    }
    if (n > remaining) {
      problem = String.format("a record larger than %,d characters", limit);
      return false;
    }
    remaining -= n;
    return true;
  }

  /** Marks the record unusable for another reason (too deeply nested); the first reason stays. */
  void refuse(String why) {
    if (problem == null) {
      problem = why;
    }
  }

  boolean spent() {
    return problem != null;
  }

  /** Why the record was not kept whole, or null when it was. */
  String problem() {
    return problem;
  }
}
