package org.paperlens.citation.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paperlens.citation.Authorship;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.Institution;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.YearCount;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.PaperId;

/**
 * An OpenAlex work object (the API's and the snapshot's, the same schema) as a {@link Work}.
 * Only the fields the API call selects are read: {@code id, doi, ids, title, publication_year,
 * primary_location, locations, authorships, cited_by_count, counts_by_year, referenced_works},
 * plus {@code updated_date} when present (snapshots), which dates the citation count.
 */
final class OpenAlexWorks {

  /** A work that does not follow the documented schema; the message says which field. */
  static final class MalformedWork extends IOException {
    MalformedWork(String message) {
      super(message);
    }
  }

  private OpenAlexWorks() {}

  /**
   * @param fetched the day the work was fetched, which dates its citation count unless the work
   *     says when OpenAlex last updated it
   */
  static Work parse(JsonNode work, LocalDate fetched) throws MalformedWork {
    if (work == null || !work.isObject()) {
      throw new MalformedWork("a work must be a JSON object");
    }
    String id = Fields.text(work, "id").map(Fields::lastSegment)
        .filter(w -> w.startsWith("W"))
        .orElseThrow(() -> new MalformedWork("a work without an OpenAlex id (W…)"));
    JsonNode ids = work.get("ids");
    Optional<Doi> doi = Fields.text(work, "doi").or(() -> Fields.text(ids, "doi")).flatMap(Doi::parse);
    ExternalIds external = new ExternalIds(doi, arxivId(work, doi), Optional.of(id), Optional.empty());
    LocalDate asOf = Fields.text(work, "updated_date").flatMap(OpenAlexWorks::date).orElse(fetched);
    Optional<CitationCount> count = Fields.integer(work, "cited_by_count")
        .map(n -> new CitationCount(n, Optional.empty(), asOf));
    return new Work(SourceName.OPENALEX, external,
        Fields.text(work, "title").or(() -> Fields.text(work, "display_name")),
        Fields.integer(work, "publication_year"),
        venue(work.get("primary_location")),
        count,
        countsByYear(work),
        Optional.empty(),
        references(work),
        Edges.NOT_GIVEN, // a work lists what it cites, not what cites it (that is a query of its own: filter=cites:W…)
        authorships(work));
  }

  /**
   * The arXiv id, from an arXiv DOI or else from a location on arxiv.org: OpenAlex merges a
   * preprint into its published version, whose DOI is then the journal's.
   */
  private static Optional<PaperId> arxivId(JsonNode work, Optional<Doi> doi) throws MalformedWork {
    Optional<PaperId> fromDoi = doi.flatMap(Doi::arxivId);
    if (fromDoi.isPresent()) {
      return fromDoi;
    }
    for (JsonNode location : elements(work, "locations")) {
      Optional<PaperId> a = Fields.text(location, "landing_page_url")
          .filter(u -> u.contains("arxiv.org/abs/"))
          .flatMap(ArxivId::parse)
          .map(ArxivId::id);
      if (a.isPresent()) {
        return a;
      }
    }
    return Optional.empty();
  }

  /**
   * The journal or conference of the primary location. A repository (arXiv, Zenodo) is where a
   * preprint is kept, not where it was published, so it is no venue.
   */
  private static Optional<String> venue(JsonNode primaryLocation) {
    JsonNode source = primaryLocation == null ? null : primaryLocation.get("source");
    if (source == null || source.isNull() || Fields.text(source, "type").filter("repository"::equals).isPresent()) {
      return Optional.empty();
    }
    return Fields.text(source, "display_name");
  }

  private static List<YearCount> countsByYear(JsonNode work) throws MalformedWork {
    List<YearCount> counts = new ArrayList<>();
    for (JsonNode c : elements(work, "counts_by_year")) {
      Optional<Integer> year = Fields.integer(c, "year");
      if (year.isEmpty()) {
        throw new MalformedWork("counts_by_year entry without a year");
      }
      counts.add(new YearCount(year.get(), Fields.integer(c, "cited_by_count").orElse(0)));
    }
    return counts;
  }

  private static Edges references(JsonNode work) throws MalformedWork {
    if (Fields.array(work, "referenced_works").isEmpty()) {
      return Edges.NOT_GIVEN;
    }
    List<LinkedWork> refs = new ArrayList<>();
    for (JsonNode r : elements(work, "referenced_works")) {
      if (!r.isTextual()) {
        throw new MalformedWork("referenced_works holds a non-string: " + r);
      }
      ExternalIds ids = ExternalIds.NONE.withOpenAlex(Optional.of(Fields.lastSegment(r.asText())));
      refs.add(new LinkedWork(ids, Optional.empty(), Optional.empty()));
    }
    return new Edges.Listed(refs);
  }

  private static List<Authorship> authorships(JsonNode work) throws MalformedWork {
    List<Authorship> out = new ArrayList<>();
    for (JsonNode a : elements(work, "authorships")) {
      JsonNode author = a.get("author");
      Optional<String> name = Fields.text(author, "display_name").or(() -> Fields.text(a, "raw_author_name"));
      if (name.isEmpty()) {
        continue; // OpenAlex keeps a few authorships without any name; there is nothing to show or link
      }
      List<Institution> institutions = new ArrayList<>();
      for (JsonNode i : elements(a, "institutions")) {
        Fields.text(i, "display_name").ifPresent(n -> institutions.add(new Institution(n,
            Fields.text(i, "id").map(Fields::lastSegment), Fields.text(i, "ror"))));
      }
      out.add(new Authorship(name.get(), Fields.text(author, "id").map(Fields::lastSegment),
          Fields.text(author, "orcid").map(Fields::lastSegment), institutions));
    }
    return out;
  }

  /** The elements of the array in {@code field}, none when it is missing or null. */
  private static List<JsonNode> elements(JsonNode node, String field) throws MalformedWork {
    Optional<JsonNode> array = Fields.array(node, field);
    if (array.isEmpty()) {
      return List.of();
    }
    if (!array.get().isArray()) {
      throw new MalformedWork(field + " must be an array, was " + array.get().getNodeType());
    }
    List<JsonNode> out = new ArrayList<>();
    array.get().forEach(out::add);
    return out;
  }

  private static Optional<LocalDate> date(String s) {
    try {
      return Optional.of(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
