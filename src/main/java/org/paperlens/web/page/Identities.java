package org.paperlens.web.page;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperlens.citation.store.AuthorIdentity;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.PaperId;
import org.paperlens.web.http.HttpProblem;

/**
 * Authors as people, where a citation source identified them: one person's papers (across the
 * spellings of their name, and across sources through their ORCID), and the people who share a
 * name, told apart. Names no source identified stay what {@link Listings#author} makes of them.
 * Cached per citation generation and index watermark, so a new identity or paper shows at once.
 * Thread-safe.
 */
public final class Identities {

  /**
   * One person: the identity an author page is named by, the identities that are the same person
   * (the same ORCID), and their indexed papers, newest first.
   */
  record Person(AuthorIdentity identity, List<AuthorIdentity> same, List<IndexedPaper> papers) {
    Person {
      same = List.copyOf(same);
      papers = List.copyOf(papers);
    }

    String url() {
      return path(identity.id());
    }
  }

  /** The people a source identified under one name, most papers first, and which of the name's papers they cover. */
  record Namesakes(List<Person> people, Set<PaperId> identified) {
    static final Namesakes NONE = new Namesakes(List.of(), Set.of());
  }

  private record Key(String key, long generation, long indexSeq) {}

  private final CitationStore store;
  private final PaperIndex index;
  private final Memo<Key, Optional<Person>> people;
  private final Memo<Key, Namesakes> names;

  public Identities(CitationStore store, PaperIndex index, Clock clock) {
    this.store = store;
    this.index = index;
    this.people = new Memo<>(5_000, null, clock);
    this.names = new Memo<>(5_000, null, clock);
  }

  /** An identity's page. */
  static String path(long id) {
    return "/authors/id/" + id;
  }

  /** The person identity {@code id} is, or a 404 problem. */
  Person person(long id) {
    return people.get(new Key(Long.toString(id), store.generation(), index.coverage().seq()),
        k -> store.identity(id).map(i -> personOf(i, List.of(i)))).orElseThrow(() -> HttpProblem.notFound("no author with id " + id));
  }

  /** The people named {@code name}, one per ORCID (or per identity without one); none for a name no source identified. */
  Namesakes named(String name) {
    return names.get(new Key(name, store.generation(), index.coverage().seq()), k -> {
      List<AuthorIdentity> found = store.identitiesNamed(name);
      if (found.isEmpty()) {
        return Namesakes.NONE;
      }
      Map<String, List<AuthorIdentity>> byPerson = new LinkedHashMap<>();
      for (AuthorIdentity i : found.stream().sorted(Comparator.comparingLong(AuthorIdentity::id)).toList()) {
        byPerson.computeIfAbsent(i.orcid().orElse("#" + i.id()), x -> new ArrayList<>()).add(i);
      }
      List<Person> out = new ArrayList<>();
      Set<PaperId> identified = new HashSet<>();
      for (List<AuthorIdentity> same : byPerson.values()) {
        Person p = personOf(same.getFirst(), same);
        out.add(p);
        p.papers().forEach(paper -> identified.add(paper.id()));
      }
      out.sort(Comparator.comparingInt((Person p) -> -p.papers().size()).thenComparingLong(p -> p.identity().id()));
      return new Namesakes(out, identified);
    });
  }

  /** {@link CitationStore#papersOf} already joins identities by ORCID; only indexed papers are shown, as on name pages. */
  private Person personOf(AuthorIdentity identity, List<AuthorIdentity> same) {
    List<PaperId> ids = store.papersOf(identity);
    List<IndexedPaper> papers = new ArrayList<>(index.getAll(ids).values());
    papers.sort(Comparator.comparing(IndexedPaper::date, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(p -> p.id().value(), Comparator.reverseOrder()));
    return new Person(identity, same, papers);
  }
}
