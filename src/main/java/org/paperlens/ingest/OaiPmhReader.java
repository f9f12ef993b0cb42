package org.paperlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperlens.common.BadInputException;
import org.paperlens.paper.PaperText;

/**
 * OAI-PMH responses ({@code ListRecords}, {@code GetRecord}) as served by arXiv, with records in
 * the {@code arXiv} or {@code oai_dc} metadata format ({@link OaiRecords} maps them).
 *
 * <p>Streams with StAX, so a page is never held whole, and refuses DTDs and external entities:
 * a response is untrusted input, and an entity must not be able to read local files (XXE).
 * Stateless and shareable.
 */
public final class OaiPmhReader implements RecordReader {

  static final String ROOT = "OAI-PMH";
  /** The response date, a resumption token, an error message: arXiv's tokens are about 20 characters. */
  static final int SMALL_FIELD = 4096;

  @Override
  public void read(String name, InputStream in, Consumer<SourceRecord> sink) throws IOException {
    parsePage(name, in, sink);
  }

  /**
   * Reads one response, passing its records to {@code sink} in order, and returns what the page
   * says about the list it belongs to. An OAI-PMH error response is not an exception here: it
   * comes back in {@link OaiPage#error()}, because the harvester treats some errors as normal.
   *
   * @throws BadInputException when the input is not an OAI-PMH response or is cut off; records
   *     before the bad spot have been passed on
   */
  public OaiPage parsePage(String name, InputStream in, Consumer<SourceRecord> sink) throws IOException {
    XMLStreamReader x = null;
    try {
      x = XmlElements.open(in);
      return readResponse(name, x, sink);
    } catch (XMLStreamException e) {
      String tooLarge = XmlElements.markupTooLarge(e);
      if (tooLarge != null) {
        throw new BadInputException(at(name, e.getLocation()), tooLarge + "; the rest of the input is not read", e);
      }
      throw new BadInputException(at(name, e.getLocation()), "not well-formed XML, or cut off ("
          + cleanMessage(e) + ")", e);
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException ignored) {
          // closing a StAX reader releases parser state only; the caller owns the stream
        }
      }
    }
  }

  private static OaiPage readResponse(String name, XMLStreamReader x, Consumer<SourceRecord> sink)
      throws XMLStreamException, BadInputException {
    while (x.next() != XMLStreamConstants.START_ELEMENT) {
      // the prolog: declaration, comments, a (never processed) document type declaration
    }
    if (!x.getLocalName().equals(ROOT)) {
      throw new BadInputException(at(name, x.getLocation()),
          "not an OAI-PMH response (the root element is <" + x.getLocalName() + ">)");
    }
    Optional<Instant> responseDate = Optional.empty();
    Optional<String> token = Optional.empty();
    OptionalLong size = OptionalLong.empty();
    OptionalLong cursor = OptionalLong.empty();
    Optional<OaiPage.Error> error = Optional.empty();
    int records = 0;
    while (x.hasNext()) {
      if (x.next() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (x.getLocalName()) {
        case "responseDate" -> responseDate = instant(XmlElements.text(x, new RecordBudget(SMALL_FIELD)));
        case "record" -> {
          int line = x.getLocation().getLineNumber();
          RecordBudget budget = RecordBudget.forRecord();
          XmlElement record = XmlElement.read(x, budget);
          sink.accept(OaiRecords.toRecord(name, line, record, budget.problem()));
          records++;
        }
        case "resumptionToken" -> {
          size = number(x.getAttributeValue(null, "completeListSize"));
          cursor = number(x.getAttributeValue(null, "cursor"));
          RecordBudget budget = new RecordBudget(SMALL_FIELD);
          String t = XmlElements.text(x, budget).strip();
          if (budget.spent()) {
            throw new BadInputException(at(name, x.getLocation()), "a resumption token longer than " + SMALL_FIELD + " characters");
          }
          token = t.isEmpty() ? Optional.empty() : Optional.of(t);
        }
        case "error" -> {
          String code = PaperText.inline(x.getAttributeValue(null, "code"));
          // The message is kept short: it is quoted in notices and errors.
          String message = PaperText.inline(XmlElements.text(x, new RecordBudget(SMALL_FIELD)));
          error = Optional.of(new OaiPage.Error(code == null ? "unknown" : code, message));
        }
        default -> { } // request echo, verb wrappers: nothing to keep
      }
    }
    return new OaiPage(responseDate, token, size, cursor, error, records);
  }

  /** A date or date-time as OAI-PMH writes them, as a date in UTC; null when unreadable. */
  static LocalDate utcDate(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    try {
      return s.length() <= 10 ? LocalDate.parse(s) : Instant.parse(s).atZone(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Optional<Instant> instant(String raw) {
    LocalDate day = utcDate(raw);
    if (day == null) {
      return Optional.empty();
    }
    String s = raw.strip();
    return Optional.of(s.length() <= 10 ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s));
  }

  private static OptionalLong number(String raw) {
    try {
      return raw == null || raw.isBlank() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(raw.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty(); // a hint for progress display only; not worth failing over
    }
  }

  private static String at(String name, Location location) {
    return location == null || location.getLineNumber() < 0 ? name : name + ":" + location.getLineNumber();
  }

  /** The JDK prefixes messages with "ParseError at [row,col]:"; the line is already in {@code where}. */
  private static String cleanMessage(XMLStreamException e) {
    String m = String.valueOf(e.getMessage());
    int i = m.indexOf("Message: ");
    return (i >= 0 ? m.substring(i + 9) : m).strip();
  }
}
