package org.paperlens.citation.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.common.BadInputException;
import org.paperlens.paper.PaperId;

/**
 * Reads a citation file of the benchmark kind ({@code citations.tsv}: a header line, then
 * {@code citing-id cited-id} per line), keeping the direction, which co-citation and coupling need.
 */
public final class LinkFile {

  private LinkFile() {}

  /**
   * @param prefix put before every id, so the ids match the catalogue's ({@code "citeseer:"}), or empty
   * @throws BadInputException naming the line when one is not two ids
   */
  public static List<CitationEdge> read(Path file, String prefix) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<CitationEdge> out = new ArrayList<>(lines.size());
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2) {
        throw new BadInputException(file + ":" + (i + 1), "expected 'citing-id cited-id', found '" + lines.get(i) + "'");
      }
      out.add(new CitationEdge(new PaperId(prefix + parts[0]), new PaperId(prefix + parts[1])));
    }
    return out;
  }
}
