package org.paperlens.paper;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one fold of an author's name, so every feature agrees on who is the same author: the
 * index's author key (an author's page), the digest's author topics, the author filter of a
 * listing. Accents, case, spacing and compatibility forms are ignored, so "José  García",
 * "Jose Garcia" and "Ｊｏｓé García" (full-width letters) are one author and "Aﬁf" (a ligature) is
 * "Afif"; "J. Garcia" stays another (it may be someone else).
 */
public final class AuthorNames {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private AuthorNames() {}

  /**
   * The name under compatibility decomposition (NFKD, which also splits ligatures and maps
   * full-width forms) without combining marks, in lower case, with single spaces.
   */
  public static String fold(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    String bare = MARKS.matcher(decomposed).replaceAll("");
    return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
