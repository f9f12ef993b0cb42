package org.paperlens.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Doi;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.YearCount;
import org.paperlens.citation.store.CitationFacts;
import org.paperlens.citation.store.LinkedPaper;
import org.paperlens.citation.store.PaperAuthor;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * The paper page's citation panel as the template shows it ({@code citations-panel.mustache}):
 * the count with its date and a per-year bar chart drawn as SVG here (no script), venue, TLDR,
 * and the first references and citers, catalogue papers as links to their pages and external works
 * by their DOI or arXiv link.
 */
final class CitationViews {

  private CitationViews() {}

  /**
   * The panel; null when nothing is stored, so the page is exactly what it was without citation data.
   *
   * @param count "1,234" (null when no source counted); {@code asOf} its date
   * @param mapUrl the citation map, when the paper has references or citers
   * @param citersNote when the source counts more citations than are stored, says so under "Cited by"
   */
  record Section(String count, String asOf, String countSource, String influential, YearChart chart, String venue, TldrView tldr,
      LinkList referenceList, LinkList citerList, String mapUrl, String citersNote) {}

  /** A machine-written summary, always shown with whose model wrote it. */
  record TldrView(String text, String source, String model) {}

  /**
   * A list of linked works: {@code total} stored, the first of them in {@code items}, and when
   * more are stored than shown, {@code allUrl} to the full list.
   */
  record LinkList(int total, List<LinkItem> items, String allUrl) {
    public boolean more() {
      return allUrl != null;
    }
  }

  /**
   * One work at the other end of a citation: {@code href} is its page here for a catalogue paper,
   * else its DOI or arXiv page (or the source's page when it has neither); {@code idLabel} names
   * that link ("doi:10.1000/x", "arXiv:2401.00001").
   */
  record LinkItem(String title, String href, boolean inCatalogue, String year, String idLabel, String paperId) {}

  /**
   * Citations per year as SVG bars: {@code label} is the chart's accessible title and
   * {@code summary} the same numbers as text, for readers who cannot see the bars.
   */
  record YearChart(String label, String summary, List<Bar> bars, int width, int height) {}

  /** One year's bar, in the chart's pixels; {@code labelled} years get their number written under the axis. */
  record Bar(int year, int count, int x, int y, int width, int height, int textX, boolean labelled) {}

  static final int BAR_WIDTH = 22;
  static final int BAR_GAP = 6;
  static final int CHART_HEIGHT = 64;

  static Section section(PaperId id, PaperCitations.Panel panel) {
    CitationFacts f = panel.facts();
    if (f.isEmpty()) {
      return null;
    }
    Optional<CitationCount> count = f.count();
    String base = "/papers/" + id.value();
    LinkList refs = f.references() == 0 ? null : links(panel.references(), panel.catalogue(), f.references(), base + "/references");
    LinkList cites = f.citedBy() == 0 ? null : links(panel.citations(), panel.catalogue(), f.citedBy(), base + "/citations");
    return new Section(count.map(c -> number(c.total())).orElse(null), count.map(c -> c.asOf().toString()).orElse(null),
        f.countSource().map(s -> s.displayName()).orElse(null),
        count.flatMap(CitationCount::influential).map(CitationViews::number).orElse(null), chart(f.countsByYear()),
        f.venue().orElse(null), f.tldr().map(t -> new TldrView(t.text(), t.source().displayName(), t.model())).orElse(null), refs, cites,
        refs != null || cites != null ? base + "/map" : null,
        count.filter(c -> cites != null && c.total() > f.citedBy()).map(c -> "paperlens knows " + number(f.citedBy()) + " of the "
            + number(c.total()) + " citing papers " + f.countSource().map(x -> x.displayName()).orElse("the source") + " counts.")
            .orElse(null));
  }

  static LinkList links(List<LinkedPaper> shown, Map<PaperId, Paper> catalogue, int total, String allUrl) {
    List<LinkItem> items = new ArrayList<>(shown.size());
    shown.forEach(l -> items.add(item(l, catalogue)));
    return new LinkList(total, items, total > shown.size() ? allUrl : null);
  }

  static LinkItem item(LinkedPaper l, Map<PaperId, Paper> catalogue) {
    Optional<Integer> workYear = l.work().year();
    if (l.paper().isPresent()) {
      PaperId id = l.paper().get();
      Paper p = catalogue.get(id);
      String title = p != null && p.title() != null ? MathText.plain(p.title()) : l.work().title().orElse(id.value());
      Optional<Integer> year = workYear.isPresent() ? workYear
          : Optional.ofNullable(p).map(x -> x.submitted() != null ? x.submitted() : x.firstListed()).map(java.time.LocalDate::getYear);
      return new LinkItem(title, "/papers/" + id.value(), true, year.map(String::valueOf).orElse(null),
          id.isArxiv() ? "arXiv:" + id.value() : id.value(), id.value());
    }
    ExternalLink link = external(l.work().ids());
    return new LinkItem(l.work().title().orElse("Untitled work"), link.href(), false, workYear.map(String::valueOf).orElse(null),
        link.label(), null);
  }

  /** Where an external work is read: its DOI, else arXiv, else the source's own page; null when it has no id at all. */
  record ExternalLink(String href, String label) {}

  static ExternalLink external(ExternalIds ids) {
    if (ids.doi().isPresent()) {
      Doi d = ids.doi().get();
      return new ExternalLink(doiUrl(d), "doi:" + d.value());
    }
    if (ids.arxiv().isPresent()) {
      return new ExternalLink("https://arxiv.org/abs/" + ids.arxiv().get().value(), "arXiv:" + ids.arxiv().get().value());
    }
    if (ids.openAlex().isPresent()) {
      return new ExternalLink("https://openalex.org/" + ids.openAlex().get(), "OpenAlex " + ids.openAlex().get());
    }
    if (ids.semanticScholar().isPresent()) {
      return new ExternalLink("https://www.semanticscholar.org/paper/" + ids.semanticScholar().get(), "Semantic Scholar");
    }
    return new ExternalLink(null, null);
  }

  /**
   * The DOI's resolver URL. A DOI's suffix may hold characters a URL reads otherwise ({@code #},
   * {@code ?}, {@code %}, spaces); doi.org asks for those to be percent-encoded, slashes kept.
   */
  static String doiUrl(Doi doi) {
    StringBuilder b = new StringBuilder("https://doi.org/");
    for (char c : doi.value().toCharArray()) {
      switch (c) {
        case '%' -> b.append("%25");
        case '#' -> b.append("%23");
        case '?' -> b.append("%3F");
        case '"' -> b.append("%22");
        case '<' -> b.append("%3C");
        case '>' -> b.append("%3E");
        case '\\' -> b.append("%5C");
        case '^' -> b.append("%5E");
        case '`' -> b.append("%60");
        case '{' -> b.append("%7B");
        case '}' -> b.append("%7D");
        case '|' -> b.append("%7C");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Every year from the first counted to the last, a missing one as 0; null without counts. */
  static YearChart chart(List<YearCount> counts) {
    if (counts.isEmpty()) {
      return null;
    }
    int first = counts.stream().mapToInt(YearCount::year).min().getAsInt();
    int last = counts.stream().mapToInt(YearCount::year).max().getAsInt();
    int[] perYear = new int[last - first + 1];
    counts.forEach(c -> perYear[c.year() - first] += c.citations());
    int max = 1;
    for (int c : perYear) {
      max = Math.max(max, c);
    }
    List<Bar> bars = new ArrayList<>(perYear.length);
    List<String> said = new ArrayList<>(perYear.length);
    for (int i = 0; i < perYear.length; i++) {
      int h = perYear[i] == 0 ? 0 : Math.max(2, Math.round((float) perYear[i] * CHART_HEIGHT / max));
      int x = i * (BAR_WIDTH + BAR_GAP);
      boolean labelled = i == 0 || i == perYear.length - 1 || perYear.length <= 6 || i % 3 == 0;
      bars.add(new Bar(first + i, perYear[i], x, CHART_HEIGHT - h + 14, BAR_WIDTH, h, x + BAR_WIDTH / 2, labelled));
      said.add((first + i) + ": " + number(perYear[i]));
    }
    String label = "Citations per year, " + first + (last == first ? "" : "–" + last);
    return new YearChart(label, String.join(" · ", said), bars, perYear.length * (BAR_WIDTH + BAR_GAP) - BAR_GAP, CHART_HEIGHT + 30);
  }

  /**
   * The paper's authors as links: to their identity page ({@code /authors/id/N}) where a source
   * identified them, else to the name's page as before. An authorship is matched by position when
   * the source lists as many authors as the catalogue, else by name.
   */
  static List<Views.AuthorLink> authorLinks(List<Views.AuthorLink> byName, List<PaperAuthor> identified, int catalogueAuthors) {
    if (identified.isEmpty()) {
      return byName;
    }
    boolean byPosition = identified.size() == catalogueAuthors;
    List<Views.AuthorLink> out = new ArrayList<>(byName.size());
    for (int i = 0; i < byName.size(); i++) {
      Views.AuthorLink l = byName.get(i);
      Optional<PaperAuthor> match = byPosition && i < identified.size() ? Optional.of(identified.get(i))
          : identified.stream().filter(a -> nameKey(a.name()).equals(nameKey(l.name()))).findFirst();
      out.add(match.flatMap(PaperAuthor::identity).map(id -> new Views.AuthorLink(l.name(), identityPath(id.id()), l.after()))
          .orElse(l));
    }
    return out;
  }

  /** The page of one author identity; the author pages ({@code lists}' part of issue 20) serve it. */
  static String identityPath(long identityId) {
    return "/authors/id/" + identityId;
  }

  private static String nameKey(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  static String number(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
