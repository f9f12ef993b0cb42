package org.paperlens.export;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Splits a BibTeX file into its entries as it reads it, so that each can be parsed alone: memory
 * holds one entry at a time (at most {@link #MAX_ENTRY_CHARS}), a bad entry costs only itself, and
 * each is reported with the line it starts on.
 *
 * <p>A small brace-aware scanner, iterative so that no nesting can overflow the stack: text
 * outside entries is a comment, as in BibTeX; an entry runs from {@code @type{} or {@code @type(}
 * to the brace (or parenthesis) that closes it. Braces nested deeper than {@link #MAX_DEPTH} make
 * the entry bad (real files nest a handful). An entry whose braces never close would swallow the
 * rest of the file, so an {@code @type{} at the start of a line inside it begins the next entry
 * and the unclosed one is reported. Not thread-safe.
 */
final class BibtexEntries {

  /** Deepest brace nesting read; {@code {{A}} title} is 2. */
  static final int MAX_DEPTH = 100;

  /** Longest entry kept (characters); longer ones are reported, not parsed. */
  static final int MAX_ENTRY_CHARS = 256 * 1024;

  /**
   * One entry as written: {@code text} from {@code @} to its closing brace, or null with a
   * {@code problem} (why it cannot be read); {@code key} is best effort, for messages.
   */
  record Raw(int line, String type, String key, String text, String problem) {
    boolean ok() {
      return problem == null;
    }
  }

  private final Reader in;
  private int line = 1;
  private int pushedBack = -2;

  BibtexEntries(Reader in) {
    this.in = in;
  }

  /** Hands each entry to {@code sink} as soon as it is read, in file order; {@code @comment} is skipped. */
  void each(Consumer<Raw> sink) throws IOException {
    int c;
    while ((c = read()) >= 0) {
      if (c == '@') {
        Raw raw = entry(line);
        if (raw != null && !raw.type().equals("comment")) {
          sink.accept(raw);
        }
      }
    }
  }

  private int read() throws IOException {
    int c;
    if (pushedBack != -2) {
      c = pushedBack;
      pushedBack = -2;
    } else {
      c = in.read();
      if (c == '\n') {
        line++;
      }
    }
    return c;
  }

  /** The entry after an {@code @} read on line {@code start}; null when the @ starts no entry (text in a comment). */
  private Raw entry(int start) throws IOException {
    StringBuilder type = new StringBuilder();
    int c = read();
    while (c == ' ' || c == '\t') {
      c = read();
    }
    while (c >= 0 && (Character.isLetter(c)) && type.length() < 32) {
      type.append((char) c);
      c = read();
    }
    while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      c = read();
    }
    if (type.isEmpty() || (c != '{' && c != '(')) {
      pushedBack = c;
      return null;
    }
    String kind = type.toString().toLowerCase(Locale.ROOT);
    char close = c == '{' ? '}' : ')';
    StringBuilder text = new StringBuilder().append('@').append(type).append((char) c);
    StringBuilder key = new StringBuilder();
    boolean inKey = true;
    String problem = null;
    int depth = 0;
    boolean lineStart = false;
    while (true) {
      c = read();
      if (c < 0) {
        return bad(start, kind, key, problem != null ? problem : "the file ends inside this entry: a { or \" is not closed");
      }
      if (c == '@' && lineStart && depth > 0) {
        // An unclosed entry: this @ at the start of a line most likely begins the next one.
        pushedBack = '@';
        lineStart = false;
        return bad(start, kind, key, "not closed before the next entry on line " + line + ": a { or \" is not closed");
      }
      if (c == '\n') {
        lineStart = true;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        lineStart = false;
      }
      if (inKey) {
        if (c == ',' || c == close || c == '\n' && !key.toString().isBlank()) {
          inKey = false;
        } else if (key.length() < 200 && !Character.isWhitespace(c)) {
          key.append((char) c);
        }
      }
      if (c == '{') {
        if (++depth > MAX_DEPTH && problem == null) {
          problem = "braces nested deeper than " + MAX_DEPTH + " levels";
        }
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == close && depth == 0) {
        if (problem != null) {
          return bad(start, kind, key, problem);
        }
        text.append((char) c);
        return new Raw(start, kind, key.toString(), text.toString(), null);
      }
      if (problem == null) {
        if (text.length() >= MAX_ENTRY_CHARS) {
          problem = "longer than " + MAX_ENTRY_CHARS + " characters";
        } else {
          text.append((char) c);
        }
      }
    }
  }

  private static Raw bad(int start, String kind, StringBuilder key, String problem) {
    return new Raw(start, kind, key.toString(), null, problem);
  }
}
