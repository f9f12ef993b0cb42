package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.Account;
import org.paperlens.citation.Authorship;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.store.AuthorIdentity;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Stores;

/**
 * Citation alerts as digests, over real SMTP into GreenMail and the real citation store: each mail
 * says which of the subscriber's papers a new paper cites, and a citing paper reaches an address
 * once, across runs and across that address's citation topics. Runs on PostgreSQL too (pom).
 */
class CitationAlertTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  private static final String READER = "reader@example.org";
  private static final Pattern PAPER = Pattern.compile(Pattern.quote(MailHarness.BASE) + "/papers/(\\d{4}\\.\\d{5})\\n");

  /** A mail's text part with its lines ended by LF (mail carries CRLF). */
  private static String text(MimeMessage m) throws Exception {
    return MailHarness.text(m).replace("\r\n", "\n");
  }

  @TempDir Path tmp;

  private MailHarness harness(boolean index, CitationAlerts.SavedPapers saved) {
    MailHarness h = new MailHarness(tmp, greenMail.getSmtp().getPort(), index);
    DigestFixture.fillDay2(h.store);
    h.alerts = new CitationAlerts(h.citations, h.store, h.index, saved);
    return h;
  }

  /** Stores what a source said of {@code citing}: that it cites {@code cited}, learnt at {@code at}. */
  static void cites(CitationStore store, String citing, Instant at, String... cited) {
    List<LinkedWork> refs = new ArrayList<>();
    for (String c : cited) {
      refs.add(new LinkedWork(arxiv(c), Optional.empty(), Optional.empty()));
    }
    store.record(new PaperId(citing), work(citing, new Edges.Listed(refs), List.of()), at, at.plus(Duration.ofDays(1)));
  }

  static Work work(String id, Edges references, List<Authorship> authors) {
    return new Work(SourceName.OPENALEX, arxiv(id), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), Optional.empty(), references, Edges.NOT_GIVEN, authors);
  }

  private static ExternalIds arxiv(String id) {
    return ExternalIds.NONE.withArxiv(Optional.of(new PaperId(id)));
  }

  /** The digests (not confirmations) received so far, in order. */
  private static List<MimeMessage> digests() throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (!m.getSubject().startsWith("Confirm")) {
        out.add(m);
      }
    }
    return out;
  }

  /** Each paper in the digests, with how many digests carried it (a paper's own line, not a "cites" link). */
  private static Map<String, Integer> carried() throws Exception {
    Map<String, Integer> out = new HashMap<>();
    for (MimeMessage m : digests()) {
      Matcher matcher = PAPER.matcher(text(m));
      java.util.Set<String> inThis = new java.util.HashSet<>();
      while (matcher.find()) {
        inThis.add(matcher.group(1));
      }
      inThis.forEach(id -> out.merge(id, 1, Integer::sum));
    }
    return out;
  }

  @Test
  void a_new_paper_citing_a_followed_paper_is_mailed_once_saying_what_it_cites() throws Exception {
    try (MailHarness h = harness(false, null)) {
      h.confirmed(READER, null, new Topic.CitingPaper(new PaperId("2607.00001")));
      cites(h.citations, "2607.00101", h.now.minus(Duration.ofHours(1)), "2607.00001");
      cites(h.citations, "2607.00102", h.now.minus(Duration.ofHours(1)), "2607.00002"); // not followed

      DigestRun.Report r = h.runNow();
      assertThat(r.planned().planned()).isEqualTo(1);
      List<MimeMessage> got = digests();
      assertThat(got).hasSize(1);
      assertThat(got.getFirst().getSubject()).isEqualTo("New papers citing “Sparse attention for long documents”: 1 new paper");
      String text = text(got.getFirst());
      assertThat(text).contains("Sparse attention revisited", MailHarness.BASE + "/papers/2607.00101",
          "cites Sparse attention for long documents (" + MailHarness.BASE + "/papers/2607.00001)");
      assertThat(text).doesNotContain("2607.00102");
      assertThat(MailHarness.html(got.getFirst())).contains("cites <a href=\"" + MailHarness.BASE + "/papers/2607.00001\"");

      // A day later: the same answer stored again, and a second citer. Only the second is news.
      h.advance(Duration.ofDays(1));
      cites(h.citations, "2607.00101", h.now.minus(Duration.ofHours(2)), "2607.00001");
      cites(h.citations, "2607.00004", h.now.minus(Duration.ofHours(1)), "2607.00001");
      h.runNow();
      h.advance(Duration.ofDays(1));
      h.runNow();
      assertThat(digests()).hasSize(2);
      assertThat(carried()).containsExactlyInAnyOrderEntriesOf(Map.of("2607.00101", 1, "2607.00004", 1));
    }
  }

  @Test
  void a_paper_citing_several_followed_topics_reaches_the_address_once_in_its_first_alert() throws Exception {
    try (MailHarness h = harness(true, null)) {
      Subscription paper = h.confirmed(READER, "7", new Topic.CitingPaper(new PaperId("2607.00001")));
      Subscription author = h.confirmed(READER, "7", new Topic.CitingAuthor("Alan Turing", null));
      assertThat(paper.id()).isLessThan(author.id());
      // Grace Hopper's paper cites two of Alan Turing's, one of them the followed paper.
      cites(h.citations, "2607.00102", h.now.minus(Duration.ofHours(1)), "2607.00001", "2607.00004");

      DigestRun.Report r = h.runNow();
      assertThat(r.planned().planned()).as("the paper alert carries it; the author alert has nothing left").isEqualTo(1);
      assertThat(r.planned().empty()).isEqualTo(1);
      String text = text(digests().getFirst());
      assertThat(text).contains("cites Sparse attention for long documents").doesNotContain("cites Attention is still all you need");

      // Later it is found to cite another of his papers, and a new paper cites him too: only the new paper is news.
      h.advance(Duration.ofDays(1));
      cites(h.citations, "2607.00102", h.now.minus(Duration.ofHours(1)), "2607.00101");
      cites(h.citations, "2607.00103", h.now.minus(Duration.ofHours(1)), "2607.00004");
      h.runNow();
      assertThat(carried()).containsExactlyInAnyOrderEntriesOf(Map.of("2607.00102", 1, "2607.00103", 1));
      MimeMessage second = digests().get(1);
      assertThat(second.getSubject()).isEqualTo("New papers citing Alan Turing: 1 new paper");
      assertThat(text(second)).contains("cites Attention is still all you need");
    }
  }

  @Test
  void a_scheduled_alert_holds_the_citations_learnt_up_to_its_slot_and_the_next_holds_the_rest() throws Exception {
    try (MailHarness h = harness(false, null)) {
      Subscription s = h.confirmed(READER, null, new Topic.CitingPaper(new PaperId("2607.00001")));
      Instant slot = Instant.parse("2026-07-03T07:00:00Z"); // daily at 7 UTC; confirmed at 06:00
      Instant floor = s.confirmedAt().minus(Duration.ofDays(1)); // a period before confirming: where alerts start
      cites(h.citations, "2607.00002", floor, "2607.00001");
      cites(h.citations, "2607.00003", floor.plusSeconds(1), "2607.00001");
      cites(h.citations, "2607.00004", slot, "2607.00001");                            // at the slot: in
      cites(h.citations, "2607.00005", slot.plusSeconds(1), "2607.00001");             // after the slot: next digest
      h.now = slot.plus(Duration.ofMinutes(30));
      h.run().run(false, false, line -> {});
      assertThat(carried()).containsOnlyKeys("2607.00003", "2607.00004");

      h.now = slot.plus(Duration.ofDays(1)).plusSeconds(30);
      h.run().run(false, false, line -> {});
      h.now = slot.plus(Duration.ofDays(2)).plusSeconds(30);
      h.run().run(false, false, line -> {});
      assertThat(digests()).hasSize(2);
      assertThat(carried()).containsExactlyInAnyOrderEntriesOf(Map.of("2607.00003", 1, "2607.00004", 1, "2607.00005", 1));
    }
  }

  @Test
  void an_old_paper_whose_citation_is_learnt_late_is_no_news() throws Exception {
    try (MailHarness h = harness(false, null)) {
      h.confirmed(READER, null, new Topic.CitingPaper(new PaperId("2607.00001")));
      LocalDate learnt = h.now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
      DigestFixture.put(h.store, List.of(
          DigestFixture.paper("2601.00001", learnt.minusDays(CitationAlerts.NEW_DAYS), "Listed sixty days before", "cs.CL", "A B"),
          DigestFixture.paper("2601.00002", learnt.minusDays(CitationAlerts.NEW_DAYS + 1), "Listed sixty-one days before", "cs.CL", "A B")));
      cites(h.citations, "2601.00001", h.now.minusSeconds(60), "2607.00001");
      cites(h.citations, "2601.00002", h.now.minusSeconds(60), "2607.00001");
      h.runNow();
      assertThat(carried()).containsOnlyKeys("2601.00001");
    }
  }

  @Test
  void library_and_tag_alerts_follow_the_saved_papers_and_leave_out_papers_the_member_saved() throws Exception {
    try (MailHarness h = harness(false, null); Stores s = new Stores(tmp, h.clock)) {
      Account ada = s.accounts.signUp("ada", "correct horse battery staple");
      String user = Long.toString(ada.id());
      h.alerts = new CitationAlerts(h.citations, h.store, null,
          (account, tag) -> s.library.list(new Account(Long.parseLong(account), ""), tag).stream().map(LibraryStore.Entry::paperId).toList());
      s.library.save(ada, new PaperId("2607.00001"), List.of("attention"));
      s.library.save(ada, new PaperId("2607.00002"), List.of());
      s.library.save(ada, new PaperId("2607.00101"), List.of()); // saved, and it cites a saved paper
      h.confirmed(READER, user, new Topic.CitingTag("attention"));
      h.confirmed("other@example.org", user, new Topic.CitingLibrary());
      Instant at = h.now.minusSeconds(60);
      cites(h.citations, "2607.00101", at, "2607.00001");
      cites(h.citations, "2607.00102", at, "2607.00002");
      cites(h.citations, "2607.00103", at, "2607.00001", "2607.00002");
      h.runNow();

      Map<String, String> byAddress = new HashMap<>();
      Map<String, String> subjects = new HashMap<>();
      for (MimeMessage m : digests()) {
        byAddress.put(m.getAllRecipients()[0].toString(), text(m));
        subjects.put(m.getAllRecipients()[0].toString(), m.getSubject());
      }
      assertThat(byAddress.get(READER)).as("the tag: only what cites its paper")
          .contains("/papers/2607.00103\n", "cites Sparse attention for long documents")
          .doesNotContain("/papers/2607.00102\n", "cites Graph neural networks", "/papers/2607.00101\n");
      assertThat(byAddress.get("other@example.org")).as("the library")
          .contains("/papers/2607.00102\n", "/papers/2607.00103\n", "cites Graph neural networks for molecules")
          .doesNotContain("/papers/2607.00101\n");
      assertThat(subjects.get("other@example.org")).isEqualTo("New papers citing your library: 2 new papers");

      // Deleting the account deletes its alerts and what they recorded as sent.
      assertThat(s.accounts.delete(ada)).isTrue();
      assertThat(h.outbox.sentCitations()).isEmpty();
    }
  }

  @Test
  void an_author_identity_alert_follows_the_persons_papers_and_not_a_namesakes() throws Exception {
    try (MailHarness h = harness(false, null)) {
      // Two people named Alan Turing, told apart by OpenAlex: one wrote 00001, the other 00004.
      h.citations.record(new PaperId("2607.00001"), work("2607.00001", new Edges.Listed(List.of()),
          List.of(new Authorship("Alan Turing", Optional.of("A1"), Optional.empty(), List.of()))), h.now.minusSeconds(600), h.now);
      h.citations.record(new PaperId("2607.00004"), work("2607.00004", new Edges.Listed(List.of()),
          List.of(new Authorship("Alan Turing", Optional.of("A2"), Optional.empty(), List.of()))), h.now.minusSeconds(600), h.now);
      AuthorIdentity first = h.citations.identitiesNamed("Alan Turing").stream().filter(i -> i.sourceId().equals("A1"))
          .findFirst().orElseThrow();
      Topic topic = Topic.of("citing-author", "#" + first.id() + " Alan Turing");
      assertThat(topic).isEqualTo(new Topic.CitingAuthor("Alan Turing", first.id()));
      h.confirmed(READER, "7", topic);
      cites(h.citations, "2607.00101", h.now.minusSeconds(60), "2607.00001");
      cites(h.citations, "2607.00102", h.now.minusSeconds(60), "2607.00004");
      h.runNow();
      assertThat(carried()).containsOnlyKeys("2607.00101");
      assertThat(digests().getFirst().getSubject()).startsWith("New papers citing Alan Turing (author #" + first.id() + ")");
    }
  }

  @Test
  void an_unsubscribed_alert_sends_nothing_more_and_a_server_without_citations_counts_it_as_not_built() throws Exception {
    try (MailHarness h = harness(false, null)) {
      h.confirmed(READER, null, new Topic.CitingPaper(new PaperId("2607.00001")));
      cites(h.citations, "2607.00101", h.now.minusSeconds(60), "2607.00001");
      h.runNow();
      String unsubscribe = MailHarness.token(digests().getFirst().getHeader("List-Unsubscribe", null), "/unsubscribe/");
      assertThat(h.subscriptions.unsubscribe(unsubscribe)).get().extracting(Subscription::active).isEqualTo(false);
      h.advance(Duration.ofDays(1));
      cites(h.citations, "2607.00102", h.now.minusSeconds(60), "2607.00001");
      h.runNow();
      assertThat(digests()).hasSize(1);

      h.confirmed("second@example.org", null, new Topic.CitingPaper(new PaperId("2607.00001")));
      h.alerts = null;
      DigestRun.Report r = h.runNow();
      assertThat(r.planned().unavailable()).containsEntry("citation alerts need the citation store", 1);
    }
  }

  @Test
  void citation_topics_are_stored_and_parsed_back_and_bad_ones_are_refused_with_the_reason() throws Exception {
    List<Topic> topics = List.of(new Topic.CitingPaper(new PaperId("hep-th/9901001")), new Topic.CitingLibrary(),
        new Topic.CitingTag("to read"), new Topic.CitingAuthor("Yang Liu", null), new Topic.CitingAuthor("Yang Liu", 12L));
    for (Topic t : topics) {
      assertThat(Topic.of(t.kind(), t.target())).isEqualTo(t);
    }
    assertThat(new Topic.CitingAuthor("Yang Liu", 12L).target()).isEqualTo("#12 Yang Liu");
    assertThat(new Topic.CitingPaper(new PaperId("2401.01234")).needsAccount()).isFalse();
    assertThat(new Topic.CitingLibrary().needsAccount()).isTrue();
    assertThatThrownBy(() -> Topic.of("citing-paper", "not an id")).hasMessageContaining("'not an id' is not a paper id");
    assertThatThrownBy(() -> Topic.of("citing-tag", "")).hasMessageContaining("needs a target");
    try (MailHarness h = harness(false, null)) {
      assertThatThrownBy(() -> h.subscriptions.subscribe(READER, null, new Topic.CitingPaper(new PaperId("2699.99999")),
          Cadence.parse("daily", "7", null, "UTC"))).hasMessageContaining("no paper 2699.99999 in the catalogue");
      assertThatThrownBy(() -> h.subscriptions.subscribe(READER, null, new Topic.CitingLibrary(),
          Cadence.parse("daily", "7", null, "UTC"))).hasMessageContaining("sign in");
    }
  }
}
