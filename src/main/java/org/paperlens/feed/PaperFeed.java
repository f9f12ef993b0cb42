package org.paperlens.feed;

import java.util.List;
import org.paperlens.paper.Paper;

/**
 * A list of papers to publish as a feed.
 *
 * @param selfUrl where the feed itself is served (Atom's rel="self", and its id)
 * @param pageUrl the HTML page showing the same list
 * @param paperUrlPrefix the prefix of paper pages; an entry's link and stable id is this plus the paper id
 */
public record PaperFeed(String title, String description, String selfUrl, String pageUrl, String paperUrlPrefix,
    List<Paper> papers) {

  public PaperFeed {
    papers = List.copyOf(papers);
  }
}
