package org.paperlens.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * A list of papers to publish as a feed.
 *
 * @param selfUrl where the feed itself is served (Atom's rel="self", and its id)
 * @param pageUrl the HTML page showing the same list
 * @param paperUrlPrefix the prefix of paper pages; an entry's link and stable id is this plus the paper id
 * @param notes what the list says of some papers beyond their own data (a citation alert: what the
 *     paper cites, and since when paperlens knows it)
 */
public record PaperFeed(String title, String description, String selfUrl, String pageUrl, String paperUrlPrefix,
    List<Paper> papers, Map<PaperId, Note> notes) {

  /**
   * A line before an entry's abstract, and the instant the entry is news from (its updated date,
   * instead of the paper's version date), so a reader shows an old paper that newly cites as new.
   */
  public record Note(String text, Instant at) {}

  public PaperFeed {
    papers = List.copyOf(papers);
    notes = Map.copyOf(notes);
  }

  public PaperFeed(String title, String description, String selfUrl, String pageUrl, String paperUrlPrefix, List<Paper> papers) {
    this(title, description, selfUrl, pageUrl, paperUrlPrefix, papers, Map.of());
  }
}
