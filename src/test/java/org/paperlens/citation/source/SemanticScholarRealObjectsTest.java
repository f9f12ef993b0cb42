package org.paperlens.citation.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.citation.source.Fixtures.T0;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.Lookup;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.WorkKey;
import org.paperlens.citation.http.FakeTime;
import org.paperlens.citation.http.StubServer;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.SharedData;

/**
 * The real Semantic Scholar objects of {@code ../shared/data/fixtures/semantic-scholar} (Turing's
 * "Computing Machinery and Intelligence" with 14 references and 1,000 citations), served as a
 * {@code paper/batch} answer. Skipped, saying so, when the shared data is absent.
 */
class SemanticScholarRealObjectsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void the_real_paper_object_reads_with_its_ids_counts_tldr_references_and_citations() throws Exception {
    Path dir = SharedData.require("fixtures/semantic-scholar");
    String paper = Files.readString(dir.resolve("Paper.json"));
    String nulls = Files.readString(dir.resolve("PaperWithNullValues.json"));
    FakeTime time = new FakeTime(T0);
    WorkKey turing = WorkKey.doi("10.1093/mind/lix.236.433");
    WorkKey missing = WorkKey.arxiv("2401.99999");
    WorkKey sparse = WorkKey.doi("10.5555/sparse");
    try (StubServer server = new StubServer(StubServer.ok("[" + paper + ", null, " + nulls + "]"));
        SemanticScholarSource source = new SemanticScholarSource(new SemanticScholarSource.Settings(server.base().resolve("/graph/v1"), Optional.empty(), 500,
            Fixtures.policy().withMaxBytes(8 << 20)), time, time, n -> {})) {
      List<Lookup> out = source.lookup(List.of(turing, missing, sparse));

      assertThat(out.get(1)).isEqualTo(new Lookup.UnknownId(missing));
      Work w = ((Lookup.Found) out.get(0)).work();
      assertThat(w.ids()).isEqualTo(new ExternalIds(Optional.of(new Doi("10.1093/mind/lix.236.433")), Optional.empty(),
          Optional.empty(), Optional.of("2d5673caa9e6af3a7b82a43f19ee920992db07ad")));
      assertThat(w.title()).contains("Computing Machinery and Intelligence");
      assertThat(w.year()).contains(1950);
      assertThat(w.venue()).contains("The Philosophy of Artificial Intelligence");
      assertThat(w.citationCount()).contains(new CitationCount(10059, Optional.of(530), LocalDate.of(2026, 12, 6)));
      assertThat(w.tldr()).hasValueSatisfying(t -> {
        assertThat(t.model()).isEqualTo("tldr@v2.0.0");
        assertThat(t.text()).startsWith("If the meaning of the words “machine” and “think”").endsWith("such as a Gallup poll.");
      });
      assertThat(w.authorships()).singleElement().satisfies(a -> {
        assertThat(a.name()).isEqualTo("A. Turing");
        assertThat(a.authorId()).contains("2262347");
      });
      List<LinkedWork> refs = w.references().listed();
      assertThat(refs).hasSize(14);
      assertThat(refs.get(0)).isEqualTo(new LinkedWork(new ExternalIds(Optional.of(new Doi("10.2307/3610576")), Optional.empty(),
          Optional.empty(), Optional.of("348f436fd9a3965f5ff17db031a9f43426f89b8e")), Optional.of("Calculating Instruments and Machines"), Optional.of(1951)));
      assertThat(refs).filteredOn(r -> r.ids().semanticScholar().isEmpty()).hasSize(6);
      List<LinkedWork> citers = w.citations().listed();
      assertThat(citers).hasSize(1000);
      assertThat(citers.get(1)).isEqualTo(new LinkedWork(new ExternalIds(Optional.empty(), Optional.of(new PaperId("2405.19561")),
          Optional.empty(), Optional.of("207d6ce83f82c0e2afa2a572dc96b05f85635217")),
          Optional.of("Quo Vadis ChatGPT? From Large Language Models to Large Knowledge Models"), Optional.of(2024)));
      assertThat(citers).filteredOn(c -> c.ids().arxiv().isPresent()).hasSize(243);
      assertThat(citers).filteredOn(c -> c.ids().doi().isPresent()).hasSize(972);

      Work bare = ((Lookup.Found) out.get(2)).work();
      assertThat(bare.references()).isEqualTo(Edges.NOT_GIVEN);
      assertThat(bare.citations()).isEqualTo(Edges.NOT_GIVEN);
      assertThat(bare.authorships()).isEmpty();
      assertThat(bare.title()).isEmpty();
    }
  }

  @Test
  void the_real_citation_and_reference_objects_read_through_their_wrappers() throws Exception {
    Path dir = SharedData.require("fixtures/semantic-scholar");
    String citation = Files.readString(dir.resolve("Citation.json"));
    String reference = Files.readString(dir.resolve("Reference.json"));
    Work w = SemanticScholarPapers.parse(JSON.readTree("{\"paperId\": \"p\", \"references\": [" + reference
        + "], \"citations\": [" + citation + "]}"), LocalDate.of(2026, 12, 6));
    assertThat(w.references().listed()).singleElement().satisfies(r -> {
      assertThat(r.ids().arxiv()).contains(new PaperId("1402.0030"));
      assertThat(r.title()).contains("Neural Variational Inference and Learning in Belief Networks");
      assertThat(r.year()).contains(2014);
    });
    assertThat(w.citations().listed()).singleElement().satisfies(c -> {
      assertThat(c.ids().doi()).contains(new Doi("10.1109/lra.2022.3229266"));
      assertThat(c.title()).contains("Learning to Throw With a Handful of Samples Using Decision Transformers");
      assertThat(c.year()).contains(2023);
    });
    assertThat(w.source()).isEqualTo(SourceName.SEMANTIC_SCHOLAR);
  }
}
