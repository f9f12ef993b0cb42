package org.paperlens.index;

import java.time.LocalDate;
import java.util.List;
import org.paperlens.paper.AuthorNames;
import org.paperlens.paper.PaperId;

/**
 * What the index stores of a paper: enough to show it in a result list without the catalogue.
 *
 * @param codeUrl its first code link ({@link org.paperlens.paper.CodeLinks#codeUrl}), or null
 */
public record IndexedPaper(PaperId id, String title, List<String> authors, String primaryCategory,
    LocalDate date, String abstractText, String codeUrl) {

  public IndexedPaper {
    authors = List.copyOf(authors);
  }

  /** The key an author's name is matched by (accents, case and spacing ignored): see {@link PaperIndex#byAuthor}. */
  public static String nameKey(String name) {
    return AuthorNames.fold(name);
  }
}
