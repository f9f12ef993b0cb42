package org.paperlens.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import org.paperlens.html.Html;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperText;
import org.paperlens.paper.TexText;

/**
 * Writes paper lists as Atom 1.0 or RSS 2.0 with Rome. Stable by construction: an entry's id is its
 * paper's URL (never a position or a time), an entry's updated date is the paper's latest version
 * date, and the feed's updated date is the newest entry's, so an unchanged list gives the same
 * feed and readers see nothing new.
 */
public final class FeedWriter {

  private static final Logger LOG = Logger.getLogger(FeedWriter.class.getName());

  private FeedWriter() {}

  /**
   * The feed as XML. Never fails because of one paper: text is cleaned of characters XML cannot
   * carry and impossible dates are left out, and should Rome still refuse the feed, the papers it
   * refuses on their own are dropped (and logged) so the rest is still served.
   */
  public static String write(PaperFeed feed, FeedFormat format) {
    try {
      return output(build(feed, format, feed.papers()));
    } catch (FeedException | RuntimeException e) {
      List<Paper> writable = feed.papers().stream().filter(p -> writable(feed, format, p)).toList();
      LOG.warning(() -> "left " + (feed.papers().size() - writable.size()) + " paper(s) out of the feed "
          + feed.selfUrl() + " that could not be written: " + e);
      try {
        return output(build(feed, format, writable));
      } catch (FeedException again) {
        throw new IllegalStateException("Rome rejected a feed built from catalogue data: " + again.getMessage(), again);
      }
    }
  }

  private static boolean writable(PaperFeed feed, FeedFormat format, Paper p) {
    try {
      output(build(feed, format, List.of(p)));
      return true;
    } catch (FeedException | RuntimeException e) {
      return false;
    }
  }

  private static String output(SyndFeed feed) throws FeedException {
    return new SyndFeedOutput().outputString(feed, true);
  }

  private static SyndFeed build(PaperFeed feed, FeedFormat format, List<Paper> papers) {
    SyndFeed out = new SyndFeedImpl();
    out.setFeedType(format.romeType());
    out.setTitle(clean(feed.title()));
    out.setDescription(clean(feed.description()));
    out.setLink(clean(feed.pageUrl()));
    out.setUri(clean(feed.selfUrl()));
    out.setLanguage("en");
    List<SyndLink> links = new ArrayList<>();
    links.add(link(clean(feed.pageUrl()), "alternate", "text/html"));
    links.add(link(clean(feed.selfUrl()), "self", format.contentType().replaceFirst(";.*", "")));
    out.setLinks(links);
    Date newest = null;
    List<SyndEntry> entries = new ArrayList<>();
    for (Paper p : papers) {
      SyndEntry e = entry(p, clean(feed.paperUrlPrefix()), format, feed.notes().get(p.id()));
      entries.add(e);
      if (newest == null || e.getUpdatedDate().after(newest)) {
        newest = e.getUpdatedDate();
      }
    }
    out.setEntries(entries);
    // An empty feed still needs an updated date; the epoch says "nothing yet" and never changes.
    out.setPublishedDate(newest == null ? new Date(0) : newest);
    return out;
  }

  private static SyndEntry entry(Paper p, String prefix, FeedFormat format, PaperFeed.Note note) {
    SyndEntry e = new SyndEntryImpl();
    String url = prefix + clean(p.id().value());
    e.setUri(url);
    e.setLink(url);
    // Feed readers show text, never typeset TeX: math as Unicode, text commands as their text.
    e.setTitle(clean(p.title() == null ? p.id().value() : TexText.plain(p.title())));
    Date published = date(first(p.firstListed(), p.submitted(), p.updated()));
    Date updated = date(first(p.updated(), p.firstListed(), p.submitted()));
    e.setPublishedDate(published);
    e.setUpdatedDate(updated == null ? (published == null ? new Date(0) : published) : updated);
    if (note != null) {
      e.setUpdatedDate(Date.from(note.at()));
    }
    String abstractText = TexText.plain(p.abstractText());
    String text = note == null ? abstractText
        : abstractText == null ? note.text() : note.text() + "\n\n" + abstractText;
    if (text != null) {
      e.setDescription(description(clean(text), format));
    }
    List<SyndPerson> authors = new ArrayList<>();
    for (String name : p.authors()) {
      SyndPerson person = new SyndPersonImpl();
      person.setName(clean(name));
      authors.add(person);
    }
    e.setAuthors(authors);
    List<SyndCategory> categories = new ArrayList<>();
    for (String c : p.categories()) {
      SyndCategory cat = new SyndCategoryImpl();
      cat.setName(clean(c));
      categories.add(cat);
    }
    e.setCategories(categories);
    return e;
  }

  /**
   * The abstract as an entry's description. Atom marks it {@code type="text"}, which readers
   * honour. RSS has no such mark and readers render every description as HTML, so there the text
   * is HTML-escaped: "a <b> b" shows as written instead of turning bold (or running a script).
   */
  private static SyndContent description(String text, FeedFormat format) {
    SyndContent d = new SyndContentImpl();
    if (format == FeedFormat.RSS) {
      d.setType("text/html");
      d.setValue(Html.escape(text));
    } else {
      d.setType("text/plain");
      d.setValue(text);
    }
    return d;
  }

  private static SyndLink link(String href, String rel, String type) {
    SyndLink l = new SyndLinkImpl();
    l.setHref(href);
    l.setRel(rel);
    l.setType(type);
    return l;
  }

  private static LocalDate first(LocalDate... dates) {
    for (LocalDate d : dates) {
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** Null for no date and for one no feed format can write (a year outside 1 to 9999 is garbage anyway). */
  private static Date date(LocalDate d) {
    return d == null || d.getYear() < 1 || d.getYear() > 9999 ? null : Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** Text without the characters XML 1.0 cannot carry (a NUL makes the XML writer refuse the feed). */
  private static String clean(String text) {
    return text == null ? null : PaperText.withoutControls(text);
  }
}
