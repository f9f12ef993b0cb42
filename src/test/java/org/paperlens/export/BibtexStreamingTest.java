package org.paperlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.TestDatabase;

/**
 * BibTeX import reads entry by entry: a bad entry (braces nested thousands deep, a brace never
 * closed, broken syntax) is reported with its line and the rest are imported, and each entry is
 * handed on before the file after it is read, so memory holds one entry whatever the file's size.
 */
class BibtexStreamingTest {

  @TempDir Path tmp;

  static String good(String key) {
    return "@misc{" + key + ", title = {A {T}itle of " + key + "}, eprint = {2607.00001}}\n";
  }

  @Test
  void braces_nested_thousands_deep_are_one_bad_entry_named_by_its_line() throws Exception {
    String file = good("first") + "@article{deep,\n  title = " + "{".repeat(5_000) + "x" + "}".repeat(5_000) + "}\n" + good("last");
    BibtexImport.Report r = match(file);
    assertThat(r.entries()).extracting(BibtexImport.Entry::key).containsExactly("first", "last");
    assertThat(r.bad()).extracting(BibtexImport.BadEntry::describe)
        .containsExactly("line 2 (deep): braces nested deeper than " + BibtexEntries.MAX_DEPTH + " levels");
  }

  @Test
  void an_unclosed_or_broken_entry_is_skipped_and_the_rest_imported() throws Exception {
    String file = "% my references\n" + good("a") + "@article{broken, title = {never closed\n\n" + good("b")
        + "@article{syntax, title = {x} junk junk}\n" + good("c") + "@book{tail, title = {the file ends";
    BibtexImport.Report r = match(file);
    assertThat(r.entries()).extracting(BibtexImport.Entry::key).containsExactly("a", "b", "c");
    assertThat(r.bad()).extracting(BibtexImport.BadEntry::line).containsExactly(3, 6, 8);
    assertThat(r.bad().get(0).reason()).contains("not closed before the next entry on line 5");
    assertThat(r.bad().get(1).key()).isEqualTo("syntax");
    assertThat(r.bad().get(2).reason()).contains("the file ends inside this entry");
  }

  @Test
  void macros_defined_earlier_still_apply_to_later_entries() throws Exception {
    BibtexImport.Report r = match("@string{jml = \"Journal of Made-Up Learning\"}\n@article{k, title = {T}, journal = jml}\n");
    assertThat(r.entries()).extracting(BibtexImport.Entry::key).containsExactly("k");
    assertThat(r.bad()).isEmpty();
  }

  @Test
  void each_entry_is_handed_on_before_the_rest_of_the_file_is_read() throws Exception {
    int entries = 20_000;
    CountingReader in = new CountingReader(entries);
    List<Long> readWhenHanded = new ArrayList<>();
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      new BibtexImport(store, null).each(in, o -> readWhenHanded.add(in.served));
    }
    assertThat(readWhenHanded).hasSize(entries);
    long total = in.served;
    assertThat(total).isGreaterThan(2_000_000L);
    // The first entry arrives after its own bytes (and a read-ahead buffer at most), not after the file.
    assertThat(readWhenHanded.getFirst()).isLessThan(64 * 1024);
    assertThat(readWhenHanded.get(entries / 2)).isLessThan(total / 2 + 64 * 1024);
  }

  BibtexImport.Report match(String file) throws Exception {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      return new BibtexImport(store, null).match(new StringReader(file), "refs.bib");
    }
  }

  /** A generated file of {@code n} entries, made as it is read, counting the characters served. */
  static final class CountingReader extends Reader {
    private final int n;
    private int next;
    private String current = "";
    private int pos;
    long served;

    CountingReader(int n) {
      this.n = n;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      if (pos == current.length()) {
        if (next == n) {
          return -1;
        }
        current = "@article{k" + next + ", title = {Paper number " + next + " with {N}ested {B}races},\n  author = {Ada Lovelace and Alan Turing},\n"
            + "  abstract = {" + "words ".repeat(10) + "},\n  year = 2024}\n";
        next++;
        pos = 0;
      }
      int count = Math.min(len, current.length() - pos);
      current.getChars(pos, pos + count, buf, off);
      pos += count;
      served += count;
      return count;
    }

    @Override
    public void close() {}
  }
}
