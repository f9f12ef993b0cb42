package org.paperlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.paperlens.common.BadInputException;

/**
 * Reads one input in one source format into {@link SourceRecord}s, in input order.
 *
 * <p>A bad record becomes a {@link SourceRecord.Malformed} and reading goes on; an input that
 * cannot be read on (truncated, not this format) throws {@link BadInputException}. Readers are
 * stateless and may be shared.
 */
public interface RecordReader {

  /**
   * @param name how to refer to the input in messages (its path)
   * @param in the input, already decompressed; the caller closes it
   */
  void read(String name, InputStream in, Consumer<SourceRecord> sink) throws IOException;
}
