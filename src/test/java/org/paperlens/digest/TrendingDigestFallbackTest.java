package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Trending;
import org.paperlens.library.LibraryStore;
import org.paperlens.notable.NewAndNotable;
import org.paperlens.notable.TrendingOrNotable;
import org.paperlens.paper.PaperId;
import org.paperlens.search.CitationCounts;

/** The trending digest of a site with too few voters is the new papers as new and notable, and is called so. */
class TrendingDigestFallbackTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  @TempDir Path tmp;

  @Test
  void with_fewer_voters_than_trending_asks_for_the_digest_is_new_and_notable_led_by_what_members_saved() throws Exception {
    try (MailHarness h = new MailHarness(tmp, greenMail.getSmtp().getPort(), false)) {
      CommunityStore community = new CommunityStore(h.store.database(), h.clock);
      LibraryStore library = new LibraryStore(h.store.database(), community, h.clock);
      AccountStore accounts = new AccountStore(h.store.database(), new PasswordHasher(1024, 1, 1), h.clock);
      // A member of a minute ago: trending would not count the save for a day; new and notable does.
      library.save(accounts.signUp("firstreader", "password1"), new PaperId("2607.00003"), List.of());
      TrendingOrNotable lists = new TrendingOrNotable(new Trending(community, h.clock, Duration.ofHours(24)),
          new NewAndNotable(h.store, community, CitationCounts.NONE, h.clock), 20);
      h.trending = new CommunityTrending(lists);
      h.confirmed("reader@example.org", null, new Topic.Trending());
      h.runNow();
      MimeMessage digest = java.util.Arrays.stream(greenMail.getReceivedMessages())
          .filter(m -> !subject(m).startsWith("Confirm")).findFirst().orElseThrow();
      assertThat(digest.getSubject()).isEqualTo("New and notable: 6 new papers");
      String text = MailHarness.text(digest);
      assertThat(text).contains("New and notable (").doesNotContain("Trending");
      assertThat(text.indexOf("Robot grasping with tactile sensing")).isLessThan(text.indexOf("Sparse attention for long documents"));
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
