package org.paperlens.citation.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperlens.citation.Doi;
import org.paperlens.citation.LinkedWork;
import org.paperlens.paper.PaperId;

class BibReferenceTest {

  private static LinkedWork read(String doi, String url, String journal) {
    return new BibReference(Optional.of("A Title of Some Length"), Optional.empty(), Optional.of(2023),
        Optional.ofNullable(doi), Optional.ofNullable(url), Optional.ofNullable(journal)).toLinkedWork();
  }

  @Test
  void the_arxiv_id_comes_from_an_arxiv_doi_url_or_journal_field() {
    assertThat(read("10.48550/arXiv.2306.02858", null, null).ids().arxiv()).contains(new PaperId("2306.02858"));
    assertThat(read("10.48550/arXiv.2306.02858", null, null).ids().doi()).isEmpty();
    assertThat(read(null, "https://arxiv.org/pdf/2310.08419v2.pdf", null).ids().arxiv()).contains(new PaperId("2310.08419"));
    assertThat(read(null, "http://arxiv.org/abs/hep-th/9901001", null).ids().arxiv()).contains(new PaperId("hep-th/9901001"));
    assertThat(read(null, null, "arXiv preprint arXiv:2303.08774").ids().arxiv()).contains(new PaperId("2303.08774"));
    assertThat(read(null, null, "CoRR, abs/1706.03762").ids().arxiv()).contains(new PaperId("1706.03762"));
    assertThat(read(null, null, "ArXiv preprint").ids().arxiv()).isEmpty();
  }

  @Test
  void numbers_inside_other_dois_are_not_taken_for_arxiv_ids() {
    LinkedWork w = read("10.1109/ACCESS.2020.2994762", "https://doi.org/10.1109/ACCESS.2020.2994762", "IEEE Access");
    assertThat(w.ids().arxiv()).isEmpty();
    assertThat(w.ids().doi()).contains(new Doi("10.1109/access.2020.2994762"));
    assertThat(read(null, "https://dx.doi.org/10.1145/3630106.3658546", null).ids().doi()).contains(new Doi("10.1145/3630106.3658546"));
  }
}
