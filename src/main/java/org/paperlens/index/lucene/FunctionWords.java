package org.paperlens.index.lucene;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.paperlens.index.PaperFields;

/**
 * Words that never say what a paper is about: pronouns, prepositions, auxiliaries and the stock
 * verbs of abstracts. The index keeps them (Lucene's English stop list is short, and phrase
 * queries need them), but choosing a paper's distinctive words must skip them: in a small or
 * skewed corpus "we" or "from" can score as rare, and "shares 'we'" explains nothing.
 */
public final class FunctionWords {

  private static final List<String> WORDS = List.of(
      "i", "me", "my", "we", "us", "our", "ours", "you", "your", "he", "him", "his", "she", "her", "its",
      "them", "itself", "themselves", "ourselves", "from", "than", "which", "who", "whom", "whose", "what",
      "when", "where", "while", "how", "why", "also", "can", "could", "may", "might", "must", "shall",
      "should", "would", "have", "has", "had", "having", "do", "does", "did", "done", "been", "being",
      "were", "am", "so", "very", "more", "most", "less", "other", "others", "each", "both", "all",
      "any", "some", "many", "much", "few", "several", "only", "own", "same", "over", "under", "between",
      "through", "during", "before", "after", "above", "below", "up", "down", "out", "off", "about",
      "against", "within", "without", "via", "here", "thus", "hence", "however", "therefore", "yet",
      "whether", "either", "neither", "nor", "just", "well", "even", "further", "furthermore",
      "moreover", "since", "because", "although", "though", "whereas", "upon", "across", "toward",
      "towards", "among", "per", "those", "one", "two", "first", "second", "new", "paper", "propose",
      "proposed", "present", "presents", "show", "shows", "shown", "use", "uses", "using", "used",
      "based", "approach", "results", "result");

  /** The words as the index's text analysis stems them: what term selection compares against. */
  public static final Set<String> STEMS = stems(PaperAnalyzer.create(), PaperFields.ABSTRACT);

  private FunctionWords() {}

  static Set<String> stems(Analyzer analyzer, String field) {
    Set<String> out = new HashSet<>();
    for (String w : WORDS) {
      out.addAll(Snippets.tokens(analyzer, field, w));
    }
    return Set.copyOf(out);
  }
}
