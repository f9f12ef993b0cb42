package org.paperlens.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.TestDatabase;

/** Which ids and DOIs name catalogue papers, asked inside a transaction (SQLite, and PostgreSQL on the pom's second run). */
class CatalogueIdsTest {

  @TempDir Path tmp;

  @Test
  void ids_of_catalogue_papers_are_found_among_many_deleted_ones_included() {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      put(store, Paper.builder(new PaperId("2607.00001")).title("One").source("test").build());
      put(store, Paper.builder(PaperId.of("scifact", "7")).title("Seven").source("test").build());
      store.write(w -> w.markDeleted(new PaperId("2607.00001"), LocalDate.parse("2026-07-02")));
      List<PaperId> asked = new ArrayList<>(List.of(new PaperId("2607.00001"), PaperId.of("scifact", "7")));
      for (int i = 0; i < 700; i++) { // more than one statement's worth of keys
        asked.add(new PaperId("2101." + (10000 + i)));
      }
      Set<PaperId> found = store.database().transaction(tx -> CatalogueIds.existing(tx, asked));
      assertThat(found).containsExactlyInAnyOrder(new PaperId("2607.00001"), PaperId.of("scifact", "7"));
      Set<PaperId> none = store.database().transaction(tx -> CatalogueIds.existing(tx, List.of()));
      assertThat(none).isEmpty();
    }
  }

  @Test
  void dois_match_whatever_their_case_and_only_live_papers() {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      put(store, Paper.builder(new PaperId("2607.00001")).title("Journal").doi("10.1103/PhysRevD.1.1").source("test").build());
      put(store, Paper.builder(new PaperId("2607.00002")).title("Gone").doi("10.1000/gone").source("test").build());
      put(store, Paper.builder(new PaperId("2607.00003")).title("No DOI").source("test").build());
      store.write(w -> w.markDeleted(new PaperId("2607.00002"), LocalDate.parse("2026-07-02")));
      Map<String, PaperId> found = store.database().transaction(tx -> CatalogueIds.byDoi(tx,
          List.of("10.1103/physrevd.1.1", "10.1000/gone", "10.1000/nowhere")));
      assertThat(found).containsExactly(Map.entry("10.1103/physrevd.1.1", new PaperId("2607.00001")));
      Map<String, PaperId> upper = store.database().transaction(tx -> CatalogueIds.byDoi(tx, List.of(" 10.1103/PHYSREVD.1.1")));
      assertThat(upper).containsExactly(Map.entry("10.1103/physrevd.1.1", new PaperId("2607.00001")));
    }
  }

  private static void put(CatalogueStore store, Paper p) {
    store.write(w -> {
      w.put(p);
      return null;
    });
  }
}
