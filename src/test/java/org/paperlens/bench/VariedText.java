package org.paperlens.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The title and abstract of a synthetic copy of a real paper, varied so that a catalogue of copies
 * does not hold each text many times over. Identical texts tie exactly on every keyword query, and
 * a run of ties keeps Lucene's MaxScore from skipping anything: a benchmark of them measures the
 * ties, not the search. Each copy is the real text with about one word in eight dropped, one in
 * eight replaced by a word drawn from the real abstracts (weighted by how often it occurs, among
 * words of four letters or more, so mostly topical words rather than "the"), and its sentences in
 * a shuffled order. The variation is seeded by the copy's position, so a size's catalogue is the
 * same on every run.
 */
final class VariedText {

  private static final double DROP = 0.12;
  private static final double SWAP = 0.12;
  private static final Pattern WORDS = Pattern.compile("\\s+");
  private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");

  private final String[] vocabulary;

  private VariedText(String[] vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The words of four letters or more of {@code texts}, each as often as it occurs (one string per distinct word). */
  static VariedText from(List<String> texts) {
    Map<String, String> distinct = new HashMap<>();
    List<String> words = new ArrayList<>();
    for (String text : texts) {
      for (String w : WORDS.split(text)) {
        if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
          words.add(distinct.computeIfAbsent(w.toLowerCase(java.util.Locale.ROOT), k -> k));
        }
      }
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("no words of four letters or more in " + texts.size() + " texts");
    }
    return new VariedText(words.toArray(String[]::new));
  }

  /** A random generator for copy number {@code position} of the catalogue: the same on every run. */
  static SplittableRandom seeded(long position) {
    return new SplittableRandom(0x5CA1E000L + position * 0x9E3779B97F4A7C15L);
  }

  /** {@code title} with words dropped and replaced (never fewer than two words left); its order kept. */
  String title(String title, SplittableRandom random) {
    return String.join(" ", words(WORDS.split(title.strip()), random, 2));
  }

  /** {@code text} with its sentences shuffled, and in each, words dropped and replaced. */
  String abstractText(String text, SplittableRandom random) {
    List<String> sentences = new ArrayList<>(Arrays.asList(SENTENCES.split(text.strip())));
    Collections.shuffle(sentences, new java.util.Random(random.nextLong()));
    List<String> out = new ArrayList<>(sentences.size());
    for (String s : sentences) {
      out.add(String.join(" ", words(WORDS.split(s), random, 1)));
    }
    return String.join(" ", out);
  }

  private List<String> words(String[] words, SplittableRandom random, int keep) {
    List<String> out = new ArrayList<>(words.length);
    for (int i = 0; i < words.length; i++) {
      double r = random.nextDouble();
      int left = words.length - i;
      if (r < DROP && out.size() + left - 1 >= Math.min(keep, words.length)) {
        continue;
      }
      out.add(r < DROP + SWAP ? vocabulary[random.nextInt(vocabulary.length)] : words[i]);
    }
    return out;
  }
}
