package org.paperlens.citation.match;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.match.MatchingFigures.Outcome;
import org.paperlens.eval.MarkedSection;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.PaperId;

/**
 * Measures {@link ReferenceMatcher} on DeepScholar's real reference lists
 * ({@code citations-deepscholar/recovered_citations.csv}): the references of the citing papers
 * that are in the catalogue, each resolved from its BibTeX metadata alone and checked against the
 * cited paper's arXiv link the data gives. Run by {@code bench/citation-matching}; asserted by
 * {@code DeepScholarMatchingTest}.
 *
 * <p>Usage: {@code DeepScholarMatching SHARED_DATA_DIR [REPORT.md]}: prints the table, and with a
 * report path writes it into that page's {@code reference-matching-deepscholar} section.
 */
final class DeepScholarMatching {

  static final String SECTION = "reference-matching-deepscholar";
  static final String COMMAND = "bench/citation-matching";

  /** One reference: who cites it, its BibTeX metadata, and the arXiv paper the data says it is. */
  record Row(PaperId citing, BibReference bib, Optional<PaperId> given) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: DeepScholarMatching SHARED_DATA_DIR [REPORT.md]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    MapCatalogue catalogue = MapCatalogue.ofListings(data.resolve("arxiv-cs-listings/arxiv-cs-2025-03-to-2026-07.jsonl.gz"));
    List<Row> rows = read(data.resolve("citations-deepscholar/recovered_citations.csv"));
    MatchingFigures figures = measure(rows, catalogue);
    String md = figures.toMarkdown(COMMAND, LocalDate.now(ZoneOffset.UTC).toString(), catalogue.size());
    System.out.println(md);
    if (args.length == 2) {
      MarkedSection.writeInto(Path.of(args[1]), SECTION, md, "# Relevance\n");
      System.err.println("wrote the " + SECTION + " section of " + args[1]);
    }
  }

  /** Every reference of the CSV; quoted fields span lines, so a real CSV parser reads it. */
  static List<Row> read(Path csv) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Row> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(in)) {
      while (it.hasNext()) {
        Map<String, String> r = it.next();
        PaperId citing = ArxivId.parse(r.get("parent_paper_arxiv_id")).orElseThrow(
            () -> new IOException(csv + ": no citing arXiv id in " + r.get("parent_paper_arxiv_id"))).id();
        BibReference bib = new BibReference(text(r, "cited_paper_title"), text(r, "bib_paper_authors"), year(r.get("bib_paper_year")),
            text(r, "bib_paper_doi"), text(r, "bib_paper_url"), text(r, "bib_paper_journal"));
        Optional<PaperId> given = text(r, "cited_paper_arxiv_link").flatMap(ArxivId::parse).map(ArxivId::id);
        rows.add(new Row(citing, bib, given));
      }
    }
    return rows;
  }

  /** The references of citing papers in the catalogue, resolved and checked. */
  static MatchingFigures measure(List<Row> all, CatalogueLookup catalogue) {
    ReferenceMatcher matcher = new ReferenceMatcher(catalogue);
    Set<PaperId> citing = new LinkedHashSet<>();
    int references = 0;
    int withLink = 0;
    int withLinkInCatalogue = 0;
    int[] id = new int[3];
    int[] res = new int[3];
    int[] via = new int[3];
    List<String> missed = new ArrayList<>();
    for (Row row : all) {
      if (catalogue.byArxivId(row.citing()).isEmpty()) {
        continue;
      }
      citing.add(row.citing());
      references++;
      if (row.given().isPresent()) {
        withLink++;
        if (catalogue.byArxivId(row.given().get()).isPresent()) {
          withLinkInCatalogue++;
        }
      }
      LinkedWork ref = row.bib().toLinkedWork();
      tally(id, ref.ids().arxiv(), row.given());
      Resolution r = matcher.resolve(ref);
      if (r instanceof Resolution.Resolved resolved) {
        via[resolved.via().ordinal()]++;
        tally(res, Optional.of(resolved.paper()), row.given());
      }
      boolean inCatalogue = row.given().flatMap(catalogue::byArxivId).isPresent();
      if (inCatalogue && !(r instanceof Resolution.Resolved found && found.paper().equals(row.given().get()))) {
        missed.add(String.format("\"%s\" (BibTeX year %s), arXiv %s: %s", ref.title().orElse("(no title)"),
            ref.year().map(String::valueOf).orElse("none"), row.given().get(), describe(r)));
      }
    }
    return new MatchingFigures(citing.size(), references, withLink, withLinkInCatalogue,
        new Outcome(id[0], id[1], id[2]), new Outcome(res[0], res[1], res[2]),
        via[Resolution.Via.ARXIV_ID.ordinal()], via[Resolution.Via.DOI.ordinal()], via[Resolution.Via.TITLE_YEAR.ordinal()], missed);
  }

  private static String describe(Resolution r) {
    return switch (r) {
      case Resolution.Resolved x -> "linked to " + x.paper() + " by " + x.via().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      case Resolution.Unresolved x -> "not linked (" + x.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
    };
  }

  /** Counts a link as correct [0], wrong [1] or unverifiable [2]; no link counts nowhere. */
  private static void tally(int[] counts, Optional<PaperId> linked, Optional<PaperId> given) {
    if (linked.isEmpty()) {
      return;
    }
    counts[given.isEmpty() ? 2 : given.get().equals(linked.get()) ? 0 : 1]++;
  }

  private static Optional<String> text(Map<String, String> r, String column) {
    String v = r.get(column);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** BibTeX years arrive as {@code 2023.0} (the CSV went through a float column). */
  static Optional<Integer> year(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      double y = Double.parseDouble(raw.strip());
      return y >= 1000 && y <= 9999 && y == Math.rint(y) ? Optional.of((int) y) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
