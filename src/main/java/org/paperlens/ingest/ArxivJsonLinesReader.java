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
    try {
      Optional<ArxivId> id = ArxivId.parse(JsonFields.string(node, "id"));
      if (id.isEmpty()) {
        return new SourceRecord.Malformed(where, "missing or unrecognised arXiv id '" + PaperText.inline(JsonFields.string(node, "id")) + "'");
      }
      String title = PaperText.inline(JsonFields.string(node, "title"));
      if (title == null) {
        return new SourceRecord.Malformed(where, "no title");
      }
      Paper.Builder p = Paper.builder(id.get().id())
          .version(id.get().version())
          .title(title)
          .absUrl(id.get().absUrl())
          .pdfUrl(id.get().pdfUrl());
      if (node.has("summary") || node.has("first_seen_listing_date")) {
        readListing(node, p);
      } else {
        readSnapshot(node, p);
      }
      return new SourceRecord.Found(p.build(), where);
    } catch (DateTimeParseException e) {
      return new SourceRecord.Malformed(where, "bad date '" + PaperText.inline(e.getParsedString()) + "'");
    } catch (IllegalArgumentException e) {
      return new SourceRecord.Malformed(where, e.getMessage());
    }
  }

  private static void readListing(JsonNode node, Paper.Builder p) {
    p.source(LISTING_SOURCE)
        .abstractText(PaperText.paragraphs(JsonFields.string(node, "summary")))
        .authors(inline(JsonFields.strings(node, "authors")))
        .categories(inline(JsonFields.strings(node, "categories")))
        .comment(PaperText.inline(JsonFields.string(node, "comment")));
    String listed = JsonFields.string(node, "first_seen_listing_date");
    if (listed != null) {
      p.firstListed(LocalDate.parse(listed));
    }
  }

  private static void readSnapshot(JsonNode node, Paper.Builder p) {
    p.source(SNAPSHOT_SOURCE)
        .abstractText(PaperText.paragraphs(JsonFields.string(node, "abstract")))
        .authors(snapshotAuthors(node))
        .categories(categoryList(JsonFields.string(node, "categories")))
        .comment(PaperText.inline(JsonFields.string(node, "comments")))
        .journalRef(PaperText.inline(JsonFields.string(node, "journal-ref")))
        .doi(PaperText.inline(JsonFields.string(node, "doi")));
    List<JsonNode> versions = JsonFields.items(node, "versions", true);
    String updateDate = JsonFields.string(node, "update_date");
    if (!versions.isEmpty()) {
      p.version(versions.size());
      p.submitted(versionDate(versions.getFirst()));
      p.updated(versionDate(versions.getLast()));
    } else if (updateDate != null) {
      p.updated(LocalDate.parse(updateDate));
    }
  }

  private static LocalDate versionDate(JsonNode version) {
    String created = JsonFields.string(version, "created");
    return created == null ? null : ArxivDates.fromRfc1123(created);
  }

  /** {@code authors_parsed} keeps names apart reliably; the plain string is the fallback. */
  private static List<String> snapshotAuthors(JsonNode node) {
    List<JsonNode> parsed = JsonFields.items(node, "authors_parsed", false);
    if (!parsed.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (JsonNode parts : parsed) {
        // [keyname, forenames, suffix]
        String name = AuthorList.fullName(part(parts, 0), part(parts, 1), part(parts, 2));
        if (name != null) {
          names.add(name);
        }
      }
      return names;
    }
    return AuthorList.split(JsonFields.string(node, "authors"));
  }

  static List<String> categoryList(String spaceSeparated) {
    String s = PaperText.inline(spaceSeparated);
    return s == null ? List.of() : Arrays.asList(s.split(" "));
  }

  private static List<String> inline(List<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    for (String s : raw) {
      String t = PaperText.inline(s);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static String part(JsonNode parts, int index) {
    JsonNode n = parts.get(index);
    if (n == null || n.isNull()) {
      return "";
    }
    if (!n.isTextual()) {
      throw new JsonFields.WrongType("authors_parsed", "a list of lists of strings", n);
    }
    return n.textValue();
  }
}
