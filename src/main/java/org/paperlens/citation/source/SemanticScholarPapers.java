package org.paperlens.citation.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.LocalDate;
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
import org.paperlens.citation.Tldr;
import org.paperlens.citation.Work;
import org.paperlens.paper.ArxivId;

/**
 * A Semantic Scholar Graph API paper object as a {@link Work}. References and citations are the
 * nested paper objects {@code paper/batch} returns for {@code references.*} and
 * {@code citations.*} fields; a {@code null} list (the API's way of saying "not available") is
 * {@link Edges.NotGiven}, an empty one is "none".
 */
final class SemanticScholarPapers {

  private SemanticScholarPapers() {}

  /** Jackson that refuses what is not one whole JSON value (trailing garbage after a cut-off retry, say). */
  static ObjectMapper strictJson() {
    return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  static Work parse(JsonNode paper, LocalDate fetched) throws IOException {
    if (paper == null || !paper.isObject()) {
      throw new IOException("a Semantic Scholar paper must be a JSON object");
    }
    Optional<CitationCount> count = Fields.integer(paper, "citationCount")
        .map(n -> new CitationCount(n, Fields.integer(paper, "influentialCitationCount"), fetched));
    JsonNode tldr = paper.get("tldr");
    Optional<Tldr> summary = Fields.text(tldr, "text")
        .map(t -> new Tldr(t, SourceName.SEMANTIC_SCHOLAR, Fields.text(tldr, "model").orElse("unknown")));
    return new Work(SourceName.SEMANTIC_SCHOLAR, ids(paper),
        Fields.text(paper, "title"),
        Fields.integer(paper, "year"),
        Fields.text(paper, "venue").or(() -> Fields.text(paper.get("publicationVenue"), "name")),
        count,
        List.of(), // the Graph API has no citations per year
        summary,
        edges(paper, "references"),
        edges(paper, "citations"),
        authors(paper));
  }

  /** {@code paperId} plus {@code externalIds} ({@code ArXiv}, {@code DOI}, …; others ignored). */
  static ExternalIds ids(JsonNode paper) {
    JsonNode ext = paper.get("externalIds");
    return new ExternalIds(
        Fields.text(ext, "DOI").flatMap(Doi::parse),
        Fields.text(ext, "ArXiv").flatMap(ArxivId::parse).map(ArxivId::id),
        Optional.empty(),
        Fields.text(paper, "paperId"));
  }

  private static Edges edges(JsonNode paper, String field) throws IOException {
    Optional<JsonNode> list = Fields.array(paper, field);
    if (list.isEmpty()) {
      return Edges.NOT_GIVEN;
    }
    if (!list.get().isArray()) {
      throw new IOException(field + " must be an array, was " + list.get().getNodeType());
    }
    List<LinkedWork> works = new ArrayList<>();
    for (JsonNode w : list.get()) {
      // Search results wrap the paper ({"citedPaper": {…}}); paper/batch nests it bare. Accept both.
      JsonNode p = w.has("citedPaper") ? w.get("citedPaper") : w.has("citingPaper") ? w.get("citingPaper") : w;
      if (p == null || !p.isObject()) {
        continue;
      }
      works.add(new LinkedWork(ids(p), Fields.text(p, "title"), Fields.integer(p, "year")));
    }
    return new Edges.Listed(works);
  }

  private static List<Authorship> authors(JsonNode paper) throws IOException {
    Optional<JsonNode> list = Fields.array(paper, "authors");
    if (list.isEmpty()) {
      return List.of();
    }
    if (!list.get().isArray()) {
      throw new IOException("authors must be an array, was " + list.get().getNodeType());
    }
    List<Authorship> out = new ArrayList<>();
    for (JsonNode a : list.get()) {
      Optional<String> name = Fields.text(a, "name");
      if (name.isEmpty()) {
        continue;
      }
      List<Institution> affiliations = new ArrayList<>();
      Fields.array(a, "affiliations").filter(JsonNode::isArray).ifPresent(arr -> arr.forEach(n -> {
        if (n.isTextual() && !n.asText().isBlank()) {
          affiliations.add(new Institution(n.asText().strip(), Optional.empty(), Optional.empty()));
        }
      }));
      out.add(new Authorship(name.get(), Fields.text(a, "authorId"), orcid(a.get("externalIds")), affiliations));
    }
    return out;
  }

  /** An author's ORCID, where Semantic Scholar has one ({@code externalIds.ORCID}, a string or a list). */
  private static Optional<String> orcid(JsonNode ext) {
    JsonNode o = ext == null ? null : ext.get("ORCID");
    if (o != null && o.isArray()) {
      o = o.isEmpty() ? null : o.get(0);
    }
    return o == null || o.isNull() || o.asText().isBlank() ? Optional.empty() : Optional.of(Fields.lastSegment(o.asText().strip()));
  }
}
