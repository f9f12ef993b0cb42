package org.paperlens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperText;

/**
 * arXiv metadata as JSON Lines, in either of two public schemas, told apart line by line:
 *
 * <ul>
 *   <li>the Kaggle arXiv snapshot: {@code id, title, abstract, authors} (a string),
 *       {@code authors_parsed, categories} (space-separated), {@code comments, journal-ref, doi,
 *       versions [{version, created}], update_date};
 *   <li>daily listings: {@code id, title, summary, authors} (a list), {@code categories} (a list),
 *       {@code comment, abs, pdf, first_seen_listing_date}.
 * </ul>
 */
final class ArxivJsonLinesReader implements RecordReader {

  static final String LISTING_SOURCE = "arxiv-listing";
  static final String SNAPSHOT_SOURCE = "arxiv-snapshot";


  @Override
  public void read(String name, InputStream in, Consumer<SourceRecord> sink) throws IOException {
    JsonLines.read(name, in, sink, ArxivJsonLinesReader::toRecord);
  }

  private static SourceRecord toRecord(String where, JsonNode node) {
    Optional<ArxivId> id = ArxivId.parse(text(node, "id"));
    if (id.isEmpty()) {
      return new SourceRecord.Malformed(where, "missing or unrecognised arXiv id '" + text(node, "id") + "'");
    }
    if (text(node, "title") == null) {
      return new SourceRecord.Malformed(where, "no title");
    }
    try {
      Paper.Builder p = Paper.builder(id.get().id())
          .version(id.get().version())
          .title(PaperText.inline(text(node, "title")))
          .absUrl(id.get().absUrl())
          .pdfUrl(id.get().pdfUrl());
      if (node.has("summary") || node.has("first_seen_listing_date")) {
        readListing(node, p);
      } else {
        readSnapshot(node, p);
      }
      return new SourceRecord.Found(p.build(), where);
    } catch (DateTimeParseException e) {
      return new SourceRecord.Malformed(where, "bad date '" + e.getParsedString() + "'");
    } catch (IllegalArgumentException e) {
      return new SourceRecord.Malformed(where, e.getMessage());
    }
  }

  private static void readListing(JsonNode node, Paper.Builder p) {
    p.source(LISTING_SOURCE)
        .abstractText(PaperText.paragraphs(text(node, "summary")))
        .authors(strings(node.get("authors")))
        .categories(strings(node.get("categories")))
        .comment(PaperText.inline(text(node, "comment")));
    String listed = text(node, "first_seen_listing_date");
    if (listed != null) {
      p.firstListed(LocalDate.parse(listed));
    }
  }

  private static void readSnapshot(JsonNode node, Paper.Builder p) {
    p.source(SNAPSHOT_SOURCE)
        .abstractText(PaperText.paragraphs(text(node, "abstract")))
        .authors(snapshotAuthors(node))
        .categories(categoryList(text(node, "categories")))
        .comment(PaperText.inline(text(node, "comments")))
        .journalRef(PaperText.inline(text(node, "journal-ref")))
        .doi(PaperText.inline(text(node, "doi")));
    JsonNode versions = node.get("versions");
    if (versions != null && versions.isArray() && !versions.isEmpty()) {
      p.version(versions.size());
      p.submitted(versionDate(versions.get(0)));
      p.updated(versionDate(versions.get(versions.size() - 1)));
    } else if (text(node, "update_date") != null) {
      p.updated(LocalDate.parse(text(node, "update_date")));
    }
  }

  private static LocalDate versionDate(JsonNode version) {
    String created = text(version, "created");
    return created == null ? null : ArxivDates.fromRfc1123(created);
  }

  /** {@code authors_parsed} keeps names apart reliably; the plain string is the fallback. */
  private static List<String> snapshotAuthors(JsonNode node) {
    JsonNode parsed = node.get("authors_parsed");
    if (parsed != null && parsed.isArray() && !parsed.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (JsonNode parts : parsed) {
        // [keyname, forenames, suffix]
        String name = AuthorList.fullName(text(parts, 0), text(parts, 1), text(parts, 2));
        if (name != null) {
          names.add(name);
        }
      }
      return names;
    }
    return AuthorList.split(text(node, "authors"));
  }

  static List<String> categoryList(String spaceSeparated) {
    String s = PaperText.inline(spaceSeparated);
    return s == null ? List.of() : Arrays.asList(s.split(" "));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (JsonNode n : array) {
        String s = PaperText.inline(n.asText());
        if (s != null) {
          out.add(s);
        }
      }
    }
    return out;
  }

  static String text(JsonNode node, String field) {
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String text(JsonNode array, int index) {
    JsonNode n = array.get(index);
    return n == null || n.isNull() ? "" : n.asText();
  }
}
