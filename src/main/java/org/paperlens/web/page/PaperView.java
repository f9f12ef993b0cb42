package org.paperlens.web.page;

import java.util.ArrayList;
import java.util.List;
import org.paperlens.account.Account;
import org.paperlens.community.CommentStore;
import org.paperlens.export.BibtexWriter;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.Paper;
import org.paperlens.related.RelatedPaper;

/**
 * The paper page ({@code paper.mustache}): the paper, its BibTeX, discussion, submissions and
 * related papers as everyone sees them, plus what only a member's own state adds ({@link Mine}).
 *
 * @param title the plain title (the page's {@code <title>}); {@code titleHtml} has its math marked up
 * @param authorLinks every author (or the first {@link ReadingPages#SHOWN_AUTHORS}) as a link, to the author's
 *     identity page where a citation source identified them
 * @param citationPanel count, chart, venue, TLDR, references and citers; null when nothing is stored
 */
public record PaperView(String id, String title, String titleHtml, List<Views.AuthorLink> authorLinks, int version,
    String submitted, String updated, String firstListed, List<String> categories, String absUrl, String pdfUrl,
    List<Views.CodeLink> codeLinks, int upvotes, String abstractHtml, String comment, String journalRef, String doi,
    String bibtex, List<Discussion.CommentView> discussion, int discussionCount, int maxComment, int maxTags,
    List<Submitted> comments, List<Views.Related> related, String notice, Mine mine, CitationViews.Section citationPanel,
    boolean moderator) {

  /** A member's submission of the paper, with what they said; {@code hidden} only in a moderator's page. */
  public record Submitted(String submitter, String comment, String at, boolean hidden) {}

  /** What the page shows only to the member looking at it: their upvote, and their tags if they saved it. */
  public record Mine(boolean voted, boolean saved, String tags) {
    static final Mine NONE = new Mine(false, false, null);
  }

  public boolean noRelated() {
    return related.isEmpty();
  }

  public boolean voted() {
    return mine.voted();
  }

  public boolean saved() {
    return mine.saved();
  }

  public String tags() {
    return mine.tags();
  }

  /**
   * The page as {@code me} (null: a visitor) sees it, with a {@code notice} (or null), their own
   * state, and what the citation sources said of the paper ({@link PaperCitations.Panel#NONE} when nothing).
   * A {@code moderator}'s page holds hidden comments and submissions, marked, with the buttons to hide and show.
   */
  static PaperView of(Listings.PaperPage page, List<RelatedPaper> relatedPapers, PaperCitations.Panel citations, Account me,
      String notice, Mine mine, boolean moderator) {
    Paper p = page.paper();
    String id = p.id().value();
    int shown = ReadingPages.SHOWN_AUTHORS;
    int more = p.authors().size() - shown;
    List<Views.AuthorLink> authorLinks = more <= 0 ? Views.authorLinks(p.authors(), "")
        : Views.authorLinks(p.authors().subList(0, shown), " … and " + more + " more");
    authorLinks = CitationViews.authorLinks(authorLinks, citations.authors(), p.authors().size());
    List<Views.Related> related = new ArrayList<>();
    relatedPapers.forEach(r -> related.add(Views.related(r)));
    List<Submitted> submissions = new ArrayList<>();
    page.submissions().forEach(sub -> submissions.add(new Submitted(sub.submitter(),
        sub.comment() == null ? "" : sub.comment(), sub.at().toString().substring(0, 10), sub.hidden())));
    List<Discussion.CommentView> discussion = Discussion.views(page.comments(), me);
    return new PaperView(id, MathText.plain(p.title() == null ? id : p.title()),
        p.title() == null ? org.paperlens.html.Html.escape(id) : MathText.html(p.title()), authorLinks, p.version(),
        Views.date(p.submitted()), Views.date(p.updated()), Views.date(p.firstListed()), p.categories(), Views.absUrl(p),
        Views.pdfUrl(p), Views.codeLinks(p), page.signals().upvotes(), MathText.html(p.abstractText()), p.comment(),
        p.journalRef(), p.doi(), BibtexWriter.citation(p), discussion, discussion.size(), CommentStore.MAX_LENGTH,
        LibraryStore.MAX_TAGS, submissions, related, notice, mine, CitationViews.section(p.id(), citations),
        moderator);
  }

  /** The paper page's exports. */
  static FollowLinks follow(String id) {
    return FollowLinks.ofExports("/papers/" + id + "/export");
  }
}
