package org.paperlens.export;

/** Splits a display name into family and given parts, the way citation formats want them. */
record Names(String family, String given) {

  private static final java.util.Set<String> PARTICLES = java.util.Set.of("van", "von", "de", "der", "den", "del",
      "della", "di", "da", "du", "la", "le", "dos", "das", "ter", "ten", "bin", "ibn");

  /**
   * "Ada Lovelace" gives family "Lovelace"; "Ludwig van Beethoven" gives "van Beethoven"; a name
   * already in "Family, Given" form is split at the comma; a single word is all family.
   */
  static Names of(String name) {
    String n = name.strip().replaceAll("\\s+", " ");
    int comma = n.indexOf(',');
    if (comma > 0) {
      return new Names(n.substring(0, comma).strip(), n.substring(comma + 1).strip());
    }
    String[] words = n.split(" ");
    if (words.length == 1) {
      return new Names(n, "");
    }
    int familyStart = words.length - 1;
    while (familyStart > 1 && PARTICLES.contains(words[familyStart - 1].toLowerCase(java.util.Locale.ROOT))) {
      familyStart--;
    }
    return new Names(String.join(" ", java.util.Arrays.copyOfRange(words, familyStart, words.length)),
        String.join(" ", java.util.Arrays.copyOfRange(words, 0, familyStart)));
  }
}
