package org.paperlens.citation.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.paperlens.citation.Doi;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.PaperId;

/**
 * A catalogue held in maps, for the matcher's tests and its measurement on the real listings; the
 * store's implementation of {@link CatalogueLookup} comes with issue 20's tables.
 */
final class MapCatalogue implements CatalogueLookup {

  private final Map<PaperId, PaperId> byArxiv = new HashMap<>();
  private final Map<Doi, PaperId> byDoi = new HashMap<>();
  private final Map<TitleKey, List<TitledPaper>> byTitle = new HashMap<>();

  void add(PaperId id, Optional<Doi> doi, String title, Optional<Integer> year) {
    if (id.isArxiv()) {
      byArxiv.put(id, id);
    }
    doi.ifPresent(d -> byDoi.put(d, id));
    TitleKey.of(title).ifPresent(k -> byTitle.computeIfAbsent(k, x -> new ArrayList<>()).add(new TitledPaper(id, year)));
  }

  int size() {
    return byArxiv.size();
  }

  /** The arXiv listings (JSON Lines, gzipped when the name ends in .gz): id and title; the year from the id. */
  static MapCatalogue ofListings(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    MapCatalogue c = new MapCatalogue();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        Optional<ArxivId> id = ArxivId.parse(n.path("id").asText());
        if (id.isPresent()) {
          c.add(id.get().id(), Optional.empty(), n.path("title").asText(""), yearOf(id.get().id()));
        }
      }
    }
    return c;
  }

  /** The year an arXiv id was issued in: {@code 2503.11731} → 2025, {@code hep-th/9901001} → 1999. */
  static Optional<Integer> yearOf(PaperId arxivId) {
    String v = arxivId.value();
    int slash = v.indexOf('/');
    String yy = slash >= 0 ? v.substring(slash + 1, slash + 3) : v.substring(0, 2);
    int y = Integer.parseInt(yy);
    return Optional.of(y >= 91 ? 1900 + y : 2000 + y);
  }

  @Override
  public Optional<PaperId> byArxivId(PaperId arxivId) {
    return Optional.ofNullable(byArxiv.get(arxivId));
  }

  @Override
  public Optional<PaperId> byDoi(Doi doi) {
    return Optional.ofNullable(byDoi.get(doi));
  }

  @Override
  public List<TitledPaper> byTitle(TitleKey key) {
    return byTitle.getOrDefault(key, List.of());
  }
}
