package org.paperlens.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.TestDatabase;

/** The catalogue store on a real database (SQLite, and PostgreSQL on the pom's second run). */
class CatalogueStoreTest {

  private static final LocalDate DAY = LocalDate.parse("2026-07-01");

  @TempDir Path tmp;
  private CatalogueStore store;

  @BeforeEach
  void open() {
    store = TestDatabase.catalogue(tmp);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private Paper paper(String id, LocalDate listed, String category, String comment) {
    return Paper.builder(new PaperId(id)).version(2).title("Title " + id).abstractText("About " + id)
        .authors(List.of("Ada Lovelace", "Émile Noether")).primaryCategory(category).categories(List.of(category, "stat.ML"))
        .classes(List.of("68T05")).submitted(listed.minusDays(2)).updated(listed.minusDays(1)).firstListed(listed)
        .comment(comment).journalRef("J. Test 1").doi("10.1/" + id.toUpperCase(java.util.Locale.ROOT))
        .absUrl("https://arxiv.org/abs/" + id).pdfUrl("https://arxiv.org/pdf/" + id).source("test").build();
  }

  private void put(Paper... papers) {
    store.write(w -> {
      for (Paper p : papers) {
        w.put(p);
        w.putSource(p.id(), "test");
      }
      return null;
    });
  }

  @Test
  void a_paper_reads_back_exactly_as_written_and_rewriting_it_changes_nothing_but_its_change_number() {
    Paper p = paper("2607.00001", DAY, "cs.LG", null);
    put(p);
    assertThat(store.find(p.id())).contains(p);
    long first = store.findState(p.id()).orElseThrow().seq();
    put(p);
    assertThat(store.find(p.id())).contains(p);
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.findState(p.id()).orElseThrow().seq()).isGreaterThan(first);
    assertThat(store.findByDoi("10.1/2607.00001")).contains(p);
    assertThat(store.findAll(List.of(new PaperId("9999.99999"), p.id()))).containsExactly(p);
  }

  @Test
  void versions_are_kept_oldest_first_and_a_deleted_paper_leaves_the_live_views() {
    Paper p = paper("2607.00001", DAY, "cs.LG", null);
    Paper q = paper("2607.00002", DAY, "cs.LG", null);
    put(p, q);
    store.write(w -> {
      w.putVersion(new PaperVersion(p.id(), 2, DAY, "v2", "a2", List.of("Ada"), null, null, null));
      w.putVersion(new PaperVersion(p.id(), 1, DAY.minusDays(9), "v1", "a1", List.of("Ada"), null, null, null));
      return w.markDeleted(q.id(), DAY);
    });
    assertThat(store.versions(p.id())).extracting(PaperVersion::version).containsExactly(1, 2);
    assertThat(store.deletedOn(q.id())).contains(DAY);
    assertThat(store.findState(q.id())).get().extracting(PaperState::live).isEqualTo(false);
    List<PaperId> live = new ArrayList<>();
    store.forEachLive(x -> live.add(x.id()));
    assertThat(live).containsExactly(p.id());
    List<PaperId> all = new ArrayList<>();
    store.forEach(x -> all.add(x.id()));
    assertThat(all).containsExactly(p.id(), q.id());
    boolean unknown = store.write(w -> w.markDeleted(new PaperId("9999.99999"), DAY));
    assertThat(unknown).isFalse();
  }

  @Test
  void changes_are_numbered_in_commit_order_and_read_back_a_page_at_a_time() {
    long start = store.sequence();
    put(paper("2607.00003", DAY, "cs.LG", null));
    put(paper("2607.00001", DAY, "cs.LG", null), paper("2607.00002", DAY, "cs.LG", null));
    long end = store.sequence();
    assertThat(end).isEqualTo(start + 2);
    List<PaperId> firstPage = store.database().transaction(tx -> CatalogueStore.changedPapers(tx, start, end, null, 2));
    assertThat(firstPage).extracting(PaperId::value).containsExactly("2607.00001", "2607.00002");
    List<PaperId> rest = store.database().transaction(tx -> CatalogueStore.changedPapers(tx, start, end, firstPage.get(1), 2));
    assertThat(rest).extracting(PaperId::value).containsExactly("2607.00003");
    List<PaperId> onlyLast = store.database().transaction(tx -> CatalogueStore.changedPapers(tx, start + 1, end, null, 10));
    assertThat(onlyLast).hasSize(2);
  }

  @Test
  void a_daily_listing_orders_by_upvotes_then_category_interest_then_code_then_newest() {
    LocalDate before = DAY.minusDays(1);
    put(paper("2607.00001", DAY, "cs.CL", null), paper("2607.00002", DAY, "cs.LG", null),
        paper("2607.00003", DAY, "cs.CL", "Code: https://github.com/x/y"), paper("2607.00004", DAY, "cs.CL", null),
        paper("2607.00005", before, "cs.CL", null), paper("2606.00009", before, "cs.LG", null));
    ListingSignals signals = new ListingSignals() {
      @Override
      public Map<PaperId, Integer> upvotes() {
        return Map.of(new PaperId("2607.00004"), 2);
      }

      @Override
      public Map<PaperId, Integer> interest() {
        return Map.of(new PaperId("2606.00009"), 5, new PaperId("2607.00004"), 2); // cs.LG 5, cs.CL 2
      }
    };
    assertThat(ids(store.listed(DAY, DAY, ListingFilter.NONE, 0, 10, signals)))
        .containsExactly("2607.00004", "2607.00002", "2607.00003", "2607.00001");
    assertThat(ids(store.listed(DAY, DAY, ListingFilter.NONE, 0, 10, ListingSignals.NONE)))
        .containsExactly("2607.00003", "2607.00004", "2607.00002", "2607.00001");
    assertThat(ids(store.listed(before, DAY, ListingFilter.NONE, 1, 2, signals))).containsExactly("2607.00002", "2606.00009");
    assertThat(store.listed(DAY, DAY, ListingFilter.NONE, 0, 10, signals).getFirst().upvotes()).isEqualTo(2);
    assertThat(ids(store.listed(DAY, DAY, new ListingFilter(Set.of(), true), 0, 10, signals))).containsExactly("2607.00003");
    assertThat(ids(store.listed(DAY, DAY, new ListingFilter(Set.of("cs.LG"), false), 0, 10, signals))).containsExactly("2607.00002");
    assertThat(store.listed(DAY, DAY, ListingFilter.NONE, 10, 10, signals)).isEmpty();
  }

  @Test
  void listing_days_and_counts_follow_the_first_listing_day() {
    put(paper("2607.00001", DAY, "cs.CL", null), paper("2607.00002", DAY, "cs.LG", null),
        paper("2606.00001", DAY.minusDays(3), "cs.LG", null));
    assertThat(store.listingDay(null, false)).contains(DAY);
    assertThat(store.listingDay(DAY, false)).contains(DAY.minusDays(3));
    assertThat(store.listingDay(DAY, true)).isEmpty();
    assertThat(store.listedPerDay(DAY.minusDays(7), DAY)).containsExactly(Map.entry(DAY.minusDays(3), 1), Map.entry(DAY, 2));
    assertThat(store.listedPerDay(DAY.minusDays(7), DAY, new ListingFilter(Set.of("cs.CL"), false))).containsExactly(Map.entry(DAY, 1));
    assertThat(store.listedPerCategory(DAY, DAY)).containsExactly(Map.entry("stat.ML", 2), Map.entry("cs.CL", 1), Map.entry("cs.LG", 1));
    assertThat(store.listedBetween(DAY.minusDays(3), DAY)).extracting(p -> p.id().value()).containsExactly("2607.00002", "2607.00001");
    assertThat(store.latestListing(store.sequence())).contains(DAY);
  }

  private static List<String> ids(List<Listed> listed) {
    return listed.stream().map(l -> l.paper().id().value()).toList();
  }
}
