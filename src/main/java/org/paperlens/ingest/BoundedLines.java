package org.paperlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a byte stream, none held longer than {@code maxBytes}: a longer line is read past
 * and reported by its length, never kept, so a file that is one endless line (a gzip bomb, a
 * binary file) costs a buffer, not the heap. Lines end at {@code \n}; a {@code \r} before it is
 * dropped. Text is decoded as UTF-8, bad bytes replaced (as {@link java.io.InputStreamReader} does).
 *
 * <p>Not thread-safe; does not close the stream.
 */
final class BoundedLines {

  /** One line of input, numbered from 1. */
  sealed interface Line {
    long number();
  }

  record Text(long number, String text) implements Line {}

  /** A line longer than the limit; {@code bytes} is its whole length, newline not counted. */
  record TooLong(long number, long bytes) implements Line {}

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int end;
  private byte[] line = new byte[1 << 12];
  private long number;

  BoundedLines(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    long length = 0;
    boolean any = false;
    while (true) {
      if (position == end) {
        int n = in.read(buffer);
        if (n < 0) {
          if (!any) {
            return null;
          }
          break;
        }
        position = 0;
        end = n;
        continue;
      }
      any = true;
      int newline = indexOfNewline();
      int stop = newline < 0 ? end : newline;
      int n = stop - position;
      if (length + n <= maxBytes) {
        keep(length, n);
      }
      length += n;
      position = newline < 0 ? end : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    number++;
    if (length > maxBytes) {
      return new TooLong(number, length);
    }
    int size = (int) length;
    if (size > 0 && line[size - 1] == '\r') {
      size--;
    }
    return new Text(number, new String(line, 0, size, StandardCharsets.UTF_8));
  }

  private int indexOfNewline() {
    for (int i = position; i < end; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void keep(long at, int n) {
    int needed = (int) at + n;
    if (needed > line.length) {
      line = Arrays.copyOf(line, Math.max(needed, Math.min(maxBytes, line.length * 2)));
    }
    System.arraycopy(buffer, position, line, (int) at, n);
  }
}
