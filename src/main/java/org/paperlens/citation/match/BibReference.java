package org.paperlens.citation.match;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperlens.citation.Doi;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.PaperId;

/**
 * A reference known only by its BibTeX metadata, as reference lists and related-work sections give
 * it. {@link #toLinkedWork} reads the ids it holds: the arXiv id from an arXiv DOI, an arxiv.org
 * URL, or the journal field ({@code arXiv preprint arXiv:2306.02858}, {@code CoRR abs/1706.03762});
 * the DOI from the DOI field or a doi.org URL.
 *
 * @param authors as BibTeX writes them ({@code Last, First and …}); kept for display, not matched on
 */
public record BibReference(Optional<String> title, Optional<String> authors, Optional<Integer> year,
    Optional<String> doi, Optional<String> url, Optional<String> journal) {

  private static final Pattern ARXIV_URL =
      Pattern.compile("arxiv\\.org/(?:abs|pdf)/([a-z-]+(?:\\.[A-Z]{2})?/\\d{7}|\\d{4}\\.\\d{4,5})(v\\d+)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern ARXIV_IN_TEXT = Pattern.compile(
      "\\b(?:arxiv(?:\\s+preprint)?(?:\\s*arxiv)?\\s*[:/]?|corr\\s*,?\\s*abs/)\\s*([a-z-]+(?:\\.[A-Z]{2})?/\\d{7}|\\d{4}\\.\\d{4,5})",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DOI_URL = Pattern.compile("(?:dx\\.)?doi\\.org/(10\\.\\S+)", Pattern.CASE_INSENSITIVE);

  public LinkedWork toLinkedWork() {
    Optional<Doi> d = doi.flatMap(Doi::parse).or(() -> url.flatMap(u -> find(DOI_URL, u)).flatMap(Doi::parse));
    Optional<PaperId> arxiv = d.flatMap(Doi::arxivId)
        .or(() -> url.flatMap(u -> find(ARXIV_URL, u)).flatMap(BibReference::arxiv))
        .or(() -> journal.flatMap(j -> find(ARXIV_IN_TEXT, j)).flatMap(BibReference::arxiv));
    // An arXiv DOI says no more than the arXiv id does; keep the DOI only when it is another one.
    Optional<Doi> otherDoi = d.filter(x -> x.arxivId().isEmpty());
    ExternalIds ids = new ExternalIds(otherDoi, arxiv, Optional.empty(), Optional.empty());
    return new LinkedWork(ids, title.map(t -> t.strip()).filter(t -> !t.isEmpty()), year);
  }

  private static Optional<String> find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Optional<PaperId> arxiv(String raw) {
    return ArxivId.parse(raw).map(ArxivId::id);
  }
}
