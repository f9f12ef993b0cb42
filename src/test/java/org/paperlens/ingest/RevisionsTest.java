package org.paperlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.ingest.Revisions.Change;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

class RevisionsTest {

  private static final PaperId ID = new PaperId("2401.01234");

  private static Paper.Builder paper(int version, String updated) {
    return Paper.builder(ID).version(version).title("Title v" + version)
        .authors(List.of("A. Author")).categories(List.of("cs.LG"))
        .submitted(LocalDate.parse("2024-01-02"))
        .updated(updated == null ? null : LocalDate.parse(updated)).source("test");
  }

  @Test
  void a_paper_not_yet_in_the_catalogue_is_new() {
    Paper p = paper(1, "2024-01-02").build();
    assertThat(Revisions.merge(null, p)).isEqualTo(new Revisions.Merged(p, Change.NEW));
  }

  @Test
  void a_newer_version_replaces_the_fields_it_has_and_keeps_the_rest() {
    Paper v1 = paper(1, "2024-01-02").doi("10.1/x").firstListed(LocalDate.parse("2024-01-03")).build();
    Paper v2 = paper(2, "2024-02-01").title("Better title").build();
    Revisions.Merged merged = Revisions.merge(v1, v2);
    assertThat(merged.change()).isEqualTo(Change.UPDATED);
    assertThat(merged.paper().version()).isEqualTo(2);
    assertThat(merged.paper().title()).isEqualTo("Better title");
    assertThat(merged.paper().doi()).isEqualTo("10.1/x");
    assertThat(merged.paper().firstListed()).isEqualTo("2024-01-03");
    assertThat(merged.paper().submitted()).isEqualTo("2024-01-02");
    assertThat(merged.paper().updated()).isEqualTo("2024-02-01");
  }

  @Test
  void an_older_version_only_fills_what_is_missing() {
    Paper v2 = paper(2, "2024-02-01").title("Better title").build();
    Paper v1 = paper(1, "2024-01-02").doi("10.1/x").build();
    Revisions.Merged merged = Revisions.merge(v2, v1);
    assertThat(merged.paper().title()).isEqualTo("Better title");
    assertThat(merged.paper().version()).isEqualTo(2);
    assertThat(merged.paper().doi()).isEqualTo("10.1/x");
  }

  @Test
  void merging_the_same_record_twice_changes_nothing_the_second_time() {
    Paper stored = paper(1, "2024-01-02").comment("8 pages").build();
    Paper incoming = paper(0, null).title("Listing title").firstListed(LocalDate.parse("2024-01-05")).build();
    Paper once = Revisions.merge(stored, incoming).paper();
    Revisions.Merged twice = Revisions.merge(once, incoming);
    assertThat(twice.change()).isEqualTo(Change.UNCHANGED);
    assertThat(twice.paper()).isEqualTo(once);
  }

  @Test
  void absent_fields_never_erase_stored_values() {
    Paper stored = paper(1, "2024-01-02").abstractText("An abstract.").build();
    Paper bare = Paper.builder(ID).version(1).updated(LocalDate.parse("2024-01-02")).source("test").build();
    Paper merged = Revisions.merge(stored, bare).paper();
    assertThat(merged.abstractText()).isEqualTo("An abstract.");
    assertThat(merged.authors()).containsExactly("A. Author");
    assertThat(merged.categories()).containsExactly("cs.LG");
  }

  @Test
  void the_first_listing_date_is_the_earliest_seen() {
    Paper a = paper(1, "2024-01-02").firstListed(LocalDate.parse("2024-01-09")).build();
    Paper b = paper(1, "2024-01-02").firstListed(LocalDate.parse("2024-01-04")).build();
    assertThat(Revisions.merge(a, b).paper().firstListed()).isEqualTo("2024-01-04");
    assertThat(Revisions.merge(b, a).paper().firstListed()).isEqualTo("2024-01-04");
  }
}
