package org.paperlens.citation.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.citation.Authorship;
import org.paperlens.citation.Institution;
import org.paperlens.citation.SourceName;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Row;
import org.paperlens.store.Tx;

/**
 * Authorships and author identities ({@code paper_authorships}, {@code author_identities}): one
 * source's authorships of a paper are replaced as a whole; identities are upserted by the
 * source's author id, and an ORCID once given is kept when a later answer lacks it.
 */
final class Authorships {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, String>>> INSTITUTIONS = new TypeReference<>() {};

  /** The columns of an identity, as {@link #identity} reads them from position {@code 1}. */
  static final String IDENTITY = "i.id, i.source, i.source_id, i.name, i.orcid, i.institution";

  private Authorships() {}

  static void replace(Tx tx, PaperId paper, SourceName source, List<Authorship> given) {
    if (given.isEmpty()) {
      return;
    }
    String code = Codes.of(source);
    Map<String, Object[]> identities = new LinkedHashMap<>();
    for (Authorship a : given) {
      String id = Text.id(a.authorId().orElse(null));
      String name = Text.clean(a.name());
      if (id != null && name != null) {
        String institution = a.institutions().stream().map(i -> Text.clean(i.name())).filter(n -> n != null).findFirst().orElse(null);
        identities.putIfAbsent(id, new Object[] {code, id, name, orcid(a.orcid()), institution});
      }
    }
    tx.batch("INSERT INTO author_identities (source, source_id, name, orcid, institution) VALUES (?, ?, ?, ?, ?)"
        + " ON CONFLICT (source, source_id) DO UPDATE SET name = excluded.name,"
        + " orcid = COALESCE(excluded.orcid, author_identities.orcid),"
        + " institution = COALESCE(excluded.institution, author_identities.institution)", List.copyOf(identities.values()));
    Map<String, Long> ids = new HashMap<>();
    if (!identities.isEmpty()) {
      tx.listIn("SELECT source_id, id FROM author_identities WHERE source = ? AND source_id IN " + Tx.KEYS,
          List.copyOf(identities.keySet()), r -> Map.entry(r.getString(1), r.getLong(2)), code)
          .forEach(e -> ids.put(e.getKey(), e.getValue()));
    }
    tx.update("DELETE FROM paper_authorships WHERE paper_id = ? AND source = ?", paper.value(), code);
    List<Object[]> rows = new ArrayList<>();
    for (int position = 0; position < given.size(); position++) {
      Authorship a = given.get(position);
      String name = Text.clean(a.name());
      if (name != null) {
        rows.add(new Object[] {paper.value(), code, position, name, ids.get(Text.id(a.authorId().orElse(null))),
            institutions(a.institutions())});
      }
    }
    tx.batch("INSERT INTO paper_authorships (paper_id, source, position, name, identity_id, institutions) VALUES (?, ?, ?, ?, ?, ?)", rows);
  }

  /** The bare ORCID ({@code 0000-0002-1825-0097}), also when a source sends its URL; null when absent or malformed. */
  static String orcid(Optional<String> given) {
    String s = Text.id(given.orElse(null));
    if (s == null) {
      return null;
    }
    s = s.replaceFirst("^(?i)https?://(www\\.)?orcid\\.org/", "").toUpperCase(java.util.Locale.ROOT);
    return s.matches("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]") ? s : null;
  }

  private static String institutions(List<Institution> list) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Institution i : list) {
      String name = Text.clean(i.name());
      if (name != null) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        i.id().map(Text::id).ifPresent(v -> m.put("id", v));
        i.ror().map(Text::id).ifPresent(v -> m.put("ror", v));
        out.add(m);
      }
    }
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("institutions as JSON", e); // maps of strings always serialise
    }
  }

  static List<Institution> institutions(String json) {
    try {
      List<Institution> out = new ArrayList<>();
      for (Map<String, String> m : JSON.readValue(json, INSTITUTIONS)) {
        out.add(new Institution(m.get("name"), Optional.ofNullable(m.get("id")), Optional.ofNullable(m.get("ror"))));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored institutions are not JSON: " + json, e);
    }
  }

  /** An identity from {@link #IDENTITY}'s columns starting at {@code from}; null when they are NULL (no identity). */
  static AuthorIdentity identity(Row r, int from) {
    Long id = r.getLongOrNull(from);
    if (id == null) {
      return null;
    }
    return new AuthorIdentity(id, Codes.source(r.getString(from + 1)), r.getString(from + 2), r.getString(from + 3),
        Optional.ofNullable(r.getString(from + 4)), Optional.ofNullable(r.getString(from + 5)));
  }

  /** The paper's authorships of one source: OpenAlex's where it gave any, else Semantic Scholar's. */
  static List<PaperAuthor> of(Tx tx, PaperId paper) {
    Map<String, List<PaperAuthor>> bySource = new LinkedHashMap<>();
    tx.list("SELECT pa.source, pa.position, pa.name, pa.institutions, " + IDENTITY + " FROM paper_authorships pa"
        + " LEFT JOIN author_identities i ON i.id = pa.identity_id WHERE pa.paper_id = ? ORDER BY pa.source, pa.position",
        r -> Map.entry(r.getString(1), new PaperAuthor(r.getInt(2), r.getString(3), Optional.ofNullable(identity(r, 5)),
            institutions(r.getString(4)))), paper.value())
        .forEach(e -> bySource.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    for (SourceName s : SourceName.values()) { // OpenAlex first: its authorships carry institutions and ORCIDs
      List<PaperAuthor> list = bySource.get(Codes.of(s));
      if (list != null) {
        return list;
      }
    }
    return List.of();
  }
}
