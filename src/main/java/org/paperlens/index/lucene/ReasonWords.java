package org.paperlens.index.lucene;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.paperlens.index.PaperFields;

/**
 * Which of two papers' shared stems may stand in a reason ("shares “diffusion”, “masked”"), and as
 * what word. A reason must name what a reader recognises as the papers' common subject, so a stem
 * is left out when it
 * <ul>
 *   <li>is a function word or a stock word of abstracts in any field ({@link FunctionWords}, and the
 *       generic words of research writing below: "models", "method", "results", "data", ...), or the
 *       name of a TeX command ("mathbb") that an abstract's math left in the text;
 *   <li>is in more than one paper in ten ({@link #MAX_SHARE}) of an index large enough for shares
 *       to mean something: in the 74,728 arXiv listings that drops "model" (81 %), "language"
 *       (43 %), "llm" (27 %) and "agent" (13 %) while "diffusion" (9 %) or "graph" (5 %) stay;
 *   <li>reads as a single letter or a number alone ("n", "d", "2"): math variables and counts;
 *   <li>has no surface form in the source paper's text: a stem ("diffus") is never shown.
 * </ul>
 * Display only: the more-like-this query still weighs every term it chose, so related papers rank
 * exactly as before (the CiteSeer evaluation does not move).
 */
public final class ReasonWords {

  /** A word in more than this share of the papers never explains a link between two of them. */
  public static final double MAX_SHARE = 0.10;
  /** Below this many papers using a word, a share says little (an index of 11 papers): only the lists apply. */
  public static final int MIN_COMMON = 50;

  private static final List<String> GENERIC = List.of(
      "model", "models", "modeling", "method", "methods", "methodology", "result", "results", "paper", "papers",
      "approach", "approaches", "propose", "proposes", "proposed", "based", "using", "data", "performance",
      "framework", "frameworks", "demonstrate", "demonstrates", "introduce", "introduces", "achieve", "achieves",
      "task", "tasks", "dataset", "datasets", "experiment", "experiments", "experimental", "benchmark", "benchmarks",
      "evaluate", "evaluation", "improve", "improves", "improvement", "effective", "effectiveness", "efficient",
      "novel", "existing", "study", "work", "works", "problem", "problems", "state", "art", "outperform",
      "outperforms", "significant", "significantly", "large", "different", "various", "provide", "provides",
      "enable", "enables", "address", "challenge", "challenges", "key", "general", "high", "low", "better",
      "best", "number", "set", "way", "analysis", "http", "https", "www", "com", "org", "github",
      // TeX command names that an abstract's math may still leave in the index text: never a subject.
      "mathbb", "mathcal", "mathrm", "mathbf", "mathit", "mathsf", "mathfrak", "frac", "dfrac", "textit", "textbf",
      "texttt", "textrm", "textsc", "emph", "cdot", "cdots", "ldots", "leq", "geq", "neq", "infty", "varepsilon");

  /** The generic words as the index's text analysis stems them. */
  private static final Set<String> GENERIC_WORD_STEMS = stems();

  private ReasonWords() {}

  private static Set<String> stems() {
    Set<String> out = new java.util.HashSet<>();
    org.apache.lucene.analysis.Analyzer analyzer = PaperAnalyzer.create();
    for (String w : GENERIC) {
      out.addAll(Snippets.tokens(analyzer, PaperFields.ABSTRACT, w));
    }
    return Set.copyOf(out);
  }

  /**
   * The stems, in their order, that may explain a link, each as the word the source paper writes
   * it with, each word once.
   *
   * @param forms each stem's surface form in the source paper
   * @param docFreq how many papers of the index use a stem (in title or abstract)
   * @param papers how many papers the index holds
   */
  public static List<String> of(List<String> stems, Map<String, String> forms, ToIntFunction<String> docFreq, int papers) {
    long common = Math.max(MIN_COMMON, (long) Math.floor(MAX_SHARE * papers));
    Set<String> out = new LinkedHashSet<>();
    for (String stem : stems) {
      String word = word(forms.get(stem));
      if (word == null || FunctionWords.STEMS.contains(stem) || GENERIC_WORD_STEMS.contains(stem)
          || docFreq.applyAsInt(stem) > common) {
        continue;
      }
      out.add(word);
    }
    return new ArrayList<>(out);
  }

  /** The surface form as a reader knows the word: without a possessive, and null unless it has two letters or more. */
  static String word(String form) {
    if (form == null) {
      return null;
    }
    String w = form.toLowerCase(Locale.ROOT).replaceFirst("['\u2019]s$", "");
    int letters = 0;
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLetter(w.charAt(i))) {
        letters++;
      }
    }
    return letters >= 2 || (letters == 1 && w.length() >= 2 && Character.isDigit(w.charAt(0))) ? w : null;
  }
}
