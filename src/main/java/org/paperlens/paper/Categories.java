package org.paperlens.paper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Separates arXiv subject categories ({@code cs.LG}, {@code hep-th}, {@code q-bio.NC}) from the
 * other classification codes sources mix into the same list: MSC ({@code 68U10}) and ACM
 * ({@code I.4.2}) classes, sometimes several in one comma- or semicolon-separated string.
 * Both are kept; only categories drive filters and statistics.
 */
final class Categories {

  private static final Pattern ARXIV_CATEGORY = Pattern.compile("[a-z][a-z-]*(?:\\.[A-Za-z][A-Za-z-]*)?");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

  record Split(List<String> categories, List<String> classes) {}

  private Categories() {}

  static Split split(List<String> categories, List<String> classes) {
    Set<String> cats = new LinkedHashSet<>();
    Set<String> other = new LinkedHashSet<>(classes);
    for (String raw : categories) {
      for (String token : SEPARATORS.split(raw.strip())) {
        if (token.isEmpty()) {
          continue;
        }
        (ARXIV_CATEGORY.matcher(token).matches() ? cats : other).add(token);
      }
    }
    return new Split(List.copyOf(cats), List.copyOf(new ArrayList<>(other)));
  }
}
