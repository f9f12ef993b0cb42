package org.paperlens.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.paperlens.index.MarkedText;

/** Snippets as neutral marked text, and the analysis of text into terms (snippets, filters, more-like-this). */
public final class Snippets {

  /** How much of an abstract stands in for a snippet when no query word matched it (both engines). */
  public static final int FALLBACK_CHARS = 240;

  private Snippets() {}

  /**
   * What a highlighter writes before and after a match (both engines): private-use characters, so
   * the highlighter escapes nothing and the snippet comes back as the abstract's own text.
   */
  public static final char MARK_OPEN = '\uE000';
  public static final char MARK_CLOSE = '\uE001';

  /** Between two passages of one snippet (both engines). */
  public static final String ELLIPSIS = " … ";

  /** The start of {@code text}, cut at a word boundary near {@code max} chars, nothing marked. */
  public static MarkedText leading(String text, int max) {
    if (text == null) {
      return MarkedText.EMPTY;
    }
    return MarkedText.plain(text.length() <= max ? text : text.substring(0, cut(text, max)) + " …");
  }

  /** A highlighter's output, its matches between {@link #MARK_OPEN} and {@link #MARK_CLOSE}. */
  public static MarkedText marked(String highlighted) {
    return MarkedText.fromTagged(highlighted, MARK_OPEN, MARK_CLOSE);
  }

  private static int cut(String text, int max) {
    int space = text.lastIndexOf(' ', max);
    return space > max / 2 ? space : max;
  }


  /** The terms {@code analyzer} makes of {@code text} for {@code field}. */
  public static List<String> tokens(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
