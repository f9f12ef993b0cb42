package org.paperlens.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.paperlens.paper.Paper;

/**
 * The text of a paper that its vector is computed from, and that text's hash.
 *
 * <p>Title and abstract: together they say what a paper is about, and they fit the models' token
 * limits far better than full text would. The hash is stored beside the vector; when a new version
 * changes the title or abstract the hash no longer matches and the paper is embedded again.
 *
 * @param text title and abstract joined into one passage; empty when the paper has neither
 * @param hash SHA-256 of {@code text} in UTF-8, as lower-case hex
 */
public record EmbeddedText(String text, String hash) {

  public static EmbeddedText of(Paper paper) {
    return of(paper.title(), paper.abstractText());
  }

  /** Either part may be null or blank; a paper with only a title is embedded from its title. */
  public static EmbeddedText of(String title, String abstractText) {
    String t = title == null ? "" : title.strip();
    String a = abstractText == null ? "" : abstractText.strip();
    String text;
    if (t.isEmpty() || a.isEmpty()) {
      text = t.isEmpty() ? a : t;
    } else {
      // A title is a sentence without its full stop; one keeps it from running into the abstract.
      text = t + (endsSentence(t) ? " " : ". ") + a;
    }
    return new EmbeddedText(text, sha256(text));
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  private static boolean endsSentence(String s) {
    char last = s.charAt(s.length() - 1);
    return last == '.' || last == '?' || last == '!';
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
