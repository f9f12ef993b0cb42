package org.paperlens.export;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.Value;
import org.paperlens.common.BadInputException;
import org.paperlens.index.Filters;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * Reads a BibTeX file (with jbibtex) and matches each entry to a catalogue paper: by arXiv id
 * (eprint, an arxiv.org URL, an arXiv DOI or "arXiv:ID" in the journal field), then by DOI, then by
 * exact title (case and punctuation ignored) in the index. Reports what matched and what did not;
 * adding the matches to a library is the caller's job.
 */
public final class BibtexImport {

  /** How an entry was matched. */
  public enum By {
    ARXIV_ID("arXiv id"), DOI("DOI"), TITLE("title");

    private final String label;

    By(String label) {
      this.label = label;
    }

    /** How people read it: "arXiv id", "DOI", "title". */
    public String label() {
      return label;
    }
  }

  /** One entry of the file; {@code paper} and {@code by} are null when nothing matched. */
  public record Entry(String key, String title, PaperId paper, By by) {
    public boolean matched() {
      return paper != null;
    }
  }

  /** An entry that could not be read: the line it starts on, its key when one was seen, and why. */
  public record BadEntry(int line, String key, String reason) {
    /** "line 12 (smith2020): braces nested deeper than 100 levels". */
    public String describe() {
      return "line " + line + (key == null || key.isBlank() ? "" : " (" + key + ")") + ": " + reason;
    }
  }

  /** What became of one entry, handed on as soon as it is read. */
  public sealed interface Outcome permits Read, Unreadable {}

  /** An entry read and looked up (matched or not). */
  public record Read(Entry entry) implements Outcome {}

  /** An entry that could not be read; the rest of the file is read all the same. */
  public record Unreadable(BadEntry bad) implements Outcome {}

  /** Every entry of the file, in file order, and those that could not be read. */
  public record Report(List<Entry> entries, List<BadEntry> bad) {
    public Report {
      entries = List.copyOf(entries);
      bad = List.copyOf(bad);
    }

    public List<Entry> matched() {
      return entries.stream().filter(Entry::matched).toList();
    }

    public List<Entry> unmatched() {
      return entries.stream().filter(e -> !e.matched()).toList();
    }
  }

  private static final Pattern ARXIV_DOI = Pattern.compile("10\\.48550/arxiv\\.(.+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ARXIV_IN_TEXT = Pattern.compile("arxiv[:\\s/]+([a-z.-]*/?\\d{4}\\.?\\d{3,5}(v\\d+)?)", Pattern.CASE_INSENSITIVE);

  private final CatalogueStore catalogue;
  private final PaperIndex index;

  /** @param index null when there is no index: title matching is then skipped */
  public BibtexImport(CatalogueStore catalogue, PaperIndex index) {
    this.catalogue = catalogue;
    this.index = index;
  }

  /** Most {@code @string} macros kept for the entries after them (a file defines a few dozen). */
  static final int MAX_MACROS = 10_000;

  /**
   * Reads the file entry by entry and hands each outcome to {@code sink} as soon as it is known, so
   * memory holds one entry whatever the file's size (the caller decides what to keep). An entry
   * that cannot be read is an {@link Unreadable} with its line; the rest are read all the same.
   *
   * @throws IOException when the file itself cannot be read
   */
  public void each(Reader bibtex, Consumer<Outcome> sink) throws IOException {
    Map<Key, BibTeXString> macros = new java.util.LinkedHashMap<>();
    new BibtexEntries(bibtex).each(raw -> {
      Outcome o = outcome(raw, macros);
      if (o != null) {
        sink.accept(o);
      }
    });
  }

  /**
   * Every entry's outcome, collected: the report of {@link #each}.
   *
   * @param where the file's name, for messages
   * @throws BadInputException when the file has entries and none of them can be read
   */
  public Report match(Reader bibtex, String where) throws BadInputException {
    List<Entry> out = new ArrayList<>();
    List<BadEntry> bad = new ArrayList<>();
    try {
      each(bibtex, o -> {
        switch (o) {
          case Read r -> out.add(r.entry());
          case Unreadable u -> bad.add(u.bad());
        }
      });
    } catch (IOException e) {
      throw new BadInputException(where, "cannot be read: " + e.getMessage(), e);
    }
    if (out.isEmpty() && !bad.isEmpty()) {
      throw new BadInputException(where, "no entry could be read: " + bad.getFirst().describe()
          + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more)" : ""));
    }
    return new Report(out, bad);
  }

  /**
   * Parses one entry alone (with the macros defined before it) and matches it; a macro definition
   * is kept. Null for a macro or preamble, which are no entries.
   */
  private Outcome outcome(BibtexEntries.Raw raw, Map<Key, BibTeXString> macros) {
    if (!raw.ok()) {
      return new Unreadable(new BadEntry(raw.line(), raw.key(), raw.problem()));
    }
    BibTeXDatabase db;
    try {
      LenientParser parser = new LenientParser();
      macros.values().forEach(parser::addMacro);
      db = parser.parse(new java.io.StringReader(raw.text()));
    } catch (org.jbibtex.ParseException | org.jbibtex.TokenMgrException | org.jbibtex.ObjectResolutionException e) {
      String why = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
      return new Unreadable(new BadEntry(raw.line(), raw.key(), "not readable BibTeX: " + why));
    }
    if (raw.type().equals("string")) {
      db.getStrings().forEach((k, v) -> {
        if (macros.size() < MAX_MACROS) {
          macros.put(k, v);
        }
      });
    }
    if (db.getEntries().isEmpty()) {
      return raw.type().equals("string") || raw.type().equals("preamble") ? null
          : new Unreadable(new BadEntry(raw.line(), raw.key(), "not a BibTeX entry"));
    }
    Map.Entry<Key, BibTeXEntry> e = db.getEntries().entrySet().iterator().next();
    return new Read(match(e.getKey().getValue(), e.getValue()));
  }

  private Entry match(String key, BibTeXEntry e) {
    String title = plain(field(e, "title"));
    Optional<PaperId> arxiv = arxivId(e).filter(id -> catalogue.find(id).isPresent());
    if (arxiv.isPresent()) {
      return new Entry(key, title, arxiv.get(), By.ARXIV_ID);
    }
    String doi = field(e, "doi");
    if (doi != null) {
      Optional<Paper> byDoi = catalogue.findByDoi(doi.replaceFirst("(?i)^https?://(dx\\.)?doi\\.org/", ""));
      if (byDoi.isPresent()) {
        return new Entry(key, title, byDoi.get().id(), By.DOI);
      }
    }
    if (title != null && index != null) {
      Optional<PaperId> byTitle = index.byExactTitle(title, Filters.NONE);
      if (byTitle.isPresent()) {
        return new Entry(key, title, byTitle.get(), By.TITLE);
      }
    }
    return new Entry(key, title, null, null);
  }

  private static Optional<PaperId> arxivId(BibTeXEntry e) {
    String eprint = field(e, "eprint");
    String prefix = field(e, "archiveprefix");
    if (eprint != null && (prefix == null || prefix.equalsIgnoreCase("arxiv"))) {
      Optional<ArxivId> id = ArxivId.parse(eprint);
      if (id.isPresent()) {
        return Optional.of(id.get().id());
      }
    }
    for (String name : List.of("arxiv", "url", "journal", "note", "howpublished")) {
      String v = field(e, name);
      if (v == null) {
        continue;
      }
      Optional<ArxivId> direct = ArxivId.parse(v);
      if (direct.isPresent()) {
        return Optional.of(direct.get().id());
      }
      Matcher m = ARXIV_IN_TEXT.matcher(v);
      if (m.find()) {
        Optional<ArxivId> found = ArxivId.parse(m.group(1));
        if (found.isPresent()) {
          return Optional.of(found.get().id());
        }
      }
    }
    String doi = field(e, "doi");
    if (doi != null) {
      Matcher m = ARXIV_DOI.matcher(doi.strip());
      if (m.matches()) {
        return ArxivId.parse(m.group(1)).map(ArxivId::id);
      }
    }
    return Optional.empty();
  }

  private static String field(BibTeXEntry e, String name) {
    for (Map.Entry<Key, Value> f : e.getFields().entrySet()) {
      if (f.getKey().getValue().toLowerCase(Locale.ROOT).equals(name)) {
        String s = f.getValue().toUserString();
        return s == null || s.isBlank() ? null : s.strip();
      }
    }
    return null;
  }

  /** LaTeX markup to plain text ({\"u} to ü, braces dropped); the raw text if it does not parse. */
  static String plain(String latex) {
    if (latex == null) {
      return null;
    }
    try {
      return new LaTeXPrinter().print(new LaTeXParser().parse(latex)).replaceAll("\\s+", " ").strip();
    } catch (org.jbibtex.ParseException | RuntimeException e) {
      return latex.replaceAll("[{}]", "").replaceAll("\\s+", " ").strip();
    }
  }

  /** Undefined @string macros and cross references are common in real files; they must not fail the import. */
  private static final class LenientParser extends BibTeXParser {
    LenientParser() throws org.jbibtex.TokenMgrException, org.jbibtex.ParseException {
      super();
    }

    @Override
    public void checkStringResolution(Key key, org.jbibtex.BibTeXString string) {
      // an undefined macro leaves the field's value empty
    }

    @Override
    public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
      // a missing crossref only loses inherited fields
    }
  }
}
