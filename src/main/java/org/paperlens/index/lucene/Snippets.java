package org.paperlens.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.paperlens.html.Html;

/** Small text helpers for snippets and filters. */
public final class Snippets {

  /** How much of an abstract stands in for a snippet when no query word matched it (both engines). */
  public static final int FALLBACK_CHARS = 240;

  private Snippets() {}

  /** The start of {@code text}, cut at a word boundary near {@code max} chars, HTML-escaped. */
  public static String leading(String text, int max) {
    if (text == null) {
      return "";
    }
    String s = text.length() <= max ? text : text.substring(0, cut(text, max)) + " …";
    return Html.escape(s);
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
