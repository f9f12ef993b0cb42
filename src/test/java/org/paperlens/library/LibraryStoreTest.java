package org.paperlens.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.Account;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/** The library store on a real database (SQLite, and PostgreSQL on the pom's second run). */
class LibraryStoreTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  private Stores s;
  private PaperId a;
  private PaperId b;
  private Account ada;

  @BeforeEach
  void open() {
    s = new Stores(tmp, CLOCK);
    a = s.paper("2607.00001", LocalDate.parse("2026-07-01"), "cs.LG");
    b = s.paper("2607.00002", LocalDate.parse("2026-07-01"), "cs.CL");
    ada = s.accounts.signUp("ada", "correct horse battery");
  }

  @AfterEach
  void close() {
    if (s != null) {
      s.close();
    }
  }

  @Test
  void saving_twice_keeps_one_entry_with_the_latest_tags_and_counts_one_save() {
    s.library.save(ada, a, List.of("ml", "to-read"));
    s.library.save(ada, a, List.of("ml"));
    assertThat(s.library.list(ada, null)).singleElement().satisfies(e -> {
      assertThat(e.paperId()).isEqualTo(a);
      assertThat(e.tags()).containsExactly("ml");
      assertThat(e.added()).isEqualTo(CLOCK.instant());
    });
    assertThat(s.community.signals(a).saves()).isEqualTo(1);
    assertThat(s.library.remove(ada, a)).isTrue();
    assertThat(s.library.remove(ada, a)).isFalse();
    assertThat(s.community.signals(a).saves()).isZero();
  }

  @Test
  void lists_are_newest_first_narrowed_by_tag_and_tags_counted() {
    s.library.save(ada, a, List.of("ml"));
    new LibraryStore(s.db, s.community, Clock.offset(CLOCK, Duration.ofMinutes(1))).save(ada, b, List.of("ml", "nlp"));
    assertThat(s.library.list(ada, null)).extracting(LibraryStore.Entry::paperId).containsExactly(b, a);
    assertThat(s.library.list(ada, "nlp")).extracting(LibraryStore.Entry::paperId).containsExactly(b);
    assertThat(s.library.tags(ada)).containsExactly(java.util.Map.entry("ml", 2), java.util.Map.entry("nlp", 1));
  }

  @Test
  void a_library_is_private_until_a_tag_is_made_public_by_its_owner() {
    Account bob = s.accounts.signUp("bob", "correct horse battery");
    s.library.save(ada, a, List.of("ml"));
    s.library.save(bob, b, List.of("ml"));
    assertThat(s.library.list(bob, null)).extracting(LibraryStore.Entry::paperId).containsExactly(b);
    assertThat(s.library.publicTagged("ada", "ml", 10)).isEmpty();

    s.library.setPublic(ada, "ml", true);
    assertThat(s.library.publicTagged("ADA", "ml", 10)).contains(List.of(a));
    assertThat(s.library.publicCollection("ada", "ml")).get().satisfies(c -> {
      assertThat(c.owner()).isEqualTo("ada");
      assertThat(c.papers()).isEqualTo(1);
    });
    assertThat(s.library.publicCollections(10)).extracting(LibraryStore.Collection::owner).containsExactly("ada");
    s.library.setPublic(ada, "ml", false);
    assertThat(s.library.publicTagged("ada", "ml", 10)).isEmpty();
    assertThat(s.library.publicCollections(10)).isEmpty();
    assertThatThrownBy(() -> s.library.setPublic(ada, "Not,A,Tag", true)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void saves_since_an_instant_and_an_accounts_saves_are_answered_inside_a_transaction() {
    s.library.save(ada, a, List.of());
    List<LibraryStore.Save> saves = s.db.transaction(tx -> LibraryStore.savesSince(tx, CLOCK.instant()));
    assertThat(saves).containsExactly(new LibraryStore.Save(ada.id(), a, CLOCK.instant()));
    List<PaperId> saved = s.db.transaction(tx -> LibraryStore.savedBy(tx, ada.id()));
    assertThat(saved).containsExactly(a);
  }
}
