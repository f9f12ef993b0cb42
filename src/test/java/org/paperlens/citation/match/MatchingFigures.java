package org.paperlens.citation.match;

import java.util.List;
import java.util.Locale;

/**
 * The reference matcher measured against references whose cited arXiv paper is known.
 * "Verifiable" references are those with a given arXiv link; a reference the matcher links but
 * that has no given link can be neither right nor wrong and is counted apart.
 *
 * @param withLinkInCatalogue references whose given arXiv paper is in the catalogue at all: the
 *     most catalogue resolution can find
 * @param missedInCatalogue those of them the matcher did not link, each with the reason
 */
record MatchingFigures(
    int citingPapers, int references, int withLink, int withLinkInCatalogue,
    Outcome identification, Outcome resolution,
    int viaArxivId, int viaDoi, int viaTitleYear, List<String> missedInCatalogue) {

  /**
   * @param correct linked to the given arXiv paper
   * @param wrong linked to another paper than the given one
   * @param unverifiable linked, but the data gives no arXiv link to check against
   */
  record Outcome(int correct, int wrong, int unverifiable) {
    int linked() {
      return correct + wrong + unverifiable;
    }

    /** Over the references that can be checked. */
    double precision() {
      return correct + wrong == 0 ? 0 : (double) correct / (correct + wrong);
    }
  }

  double recall(Outcome o, int relevant) {
    return relevant == 0 ? 0 : (double) o.correct() / relevant;
  }

  String toMarkdown(String command, String date, int catalogueSize) {
    StringBuilder md = new StringBuilder();
    md.append("## Reference matching (DeepScholar)\n\n")
        .append(String.format(Locale.ROOT, "The related-work references of the %d DeepScholar papers that are in the "
            + "arXiv listings (%,d references, %d of them with the cited paper's arXiv link), resolved "
            + "using only their BibTeX metadata (title, year, DOI, URL, journal field; never the given "
            + "link) against a catalogue of the %s listings. Only %d of the linked cited papers are in the "
            + "listings at all, so catalogue recall is given over both. \"Ids from BibTeX\" is the first "
            + "step alone: the arXiv id read from the DOI, URL or journal field, with no catalogue, which "
            + "is what keeps an external reference linkable when its paper arrives later. A title matches when "
            + "its normalised form is the same and unique, and the BibTeX year is within one of the year the "
            + "arXiv id was issued (or missing). %s.\n\n",
            citingPapers, references, withLink, String.format(Locale.ROOT, "%,d", catalogueSize), withLinkInCatalogue, date));
    md.append("| step | linked | correct | wrong | no link given | precision | recall (all linked) | recall (linked, in catalogue) |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    row(md, "catalogue resolution", resolution, String.format(Locale.ROOT, "%.4f (%d/%d)", recall(resolution, withLink), resolution.correct(), withLink),
        String.format(Locale.ROOT, "%.4f (%d/%d)", recall(resolution, withLinkInCatalogue), resolution.correct(), withLinkInCatalogue));
    row(md, "ids from BibTeX (no catalogue)", identification,
        String.format(Locale.ROOT, "%.4f (%d/%d)", recall(identification, withLink), identification.correct(), withLink), "–");
    md.append(String.format(Locale.ROOT, "%nCatalogue resolutions by step: arXiv id %d, DOI %d, title + year %d.%n%n",
        viaArxivId, viaDoi, viaTitleYear));
    for (String miss : missedInCatalogue) {
      md.append("Missed: ").append(miss).append("\n\n");
    }
    md.append("Command: `").append(command).append("`\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String step, Outcome o, String recallAll, String recallIn) {
    md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.4f | %s | %s |%n", step, o.linked(), o.correct(),
        o.wrong(), o.unverifiable(), o.precision(), recallAll, recallIn));
  }
}
