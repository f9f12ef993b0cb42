package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.web.CitationData.author;
import static org.paperlens.web.CitationData.openAlex;
import static org.paperlens.web.CitationData.record;
import static org.paperlens.web.CitationData.semanticScholar;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.citation.store.CitationStore;

/**
 * Authors by identity, through the real server over the search fixture: where a source gave
 * author ids, a person has a page of their own, namesakes are told apart on the name's page, one
 * person's papers are joined across sources and spellings by ORCID, and names no source
 * identified work as before.
 */
class AuthorIdentityTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @BeforeAll
  static void identified() {
    CitationStore store = web.root.citations();
    // Two people named Wei Zhang, one paper each.
    record(store, "2401.00101", openAlex("2401.00101", 12, author("Maria Garcia", "A10", "0000-0001-0000-0010", "MIT"),
        author("Wei Zhang", "A20", null, "Tsinghua University")));
    record(store, "2401.00105", openAlex("2401.00105", 3, author("Wei Zhang", "A21", "0000-0002-0000-0021", "University of Toronto"),
        author("Omar Haddad", null, null, null)));
    // Maria Garcia's other paper came with her name alone.
    record(store, "2401.00109", openAlex("2401.00109", 0, author("Maria Garcia", null, null, null)));
    // One person in two sources under two spellings, joined by the ORCID.
    record(store, "2401.00107", openAlex("2401.00107", 40, author("Tom O'Brien", "A30", "0000-0003-0000-0030", "Dublin City University")));
    record(store, "2401.00110", semanticScholar("2401.00110", 7, author("T. O'Brien", "3030", "0000-0003-0000-0030", null)));
  }

  @Test
  void namesakes_are_told_apart_on_the_name_page_and_each_has_a_page_of_their_own() {
    JsonNode name = ApiTest.ok(web.browser().get("/api/v1/authors/Wei%20Zhang"));
    assertThat(ApiTest.ids(name.get("papers"))).containsExactly("2401.00105", "2401.00101");
    assertThat(name.get("people")).hasSize(2);
    assertThat(name.get("withoutIdentity").asInt()).isZero();
    Map<String, JsonNode> byInstitution = new HashMap<>();
    name.get("people").forEach(p -> byInstitution.put(p.get("institution").asText(), p));
    assertThat(byInstitution).containsOnlyKeys("Tsinghua University", "University of Toronto");
    JsonNode toronto = byInstitution.get("University of Toronto");
    assertThat(toronto.get("papers").asInt()).isEqualTo(1);
    assertThat(toronto.get("orcid").asText()).isEqualTo("0000-0002-0000-0021");
    String torontoUrl = toronto.get("url").asText();
    assertThat(torontoUrl).isEqualTo("/authors/id/" + toronto.get("id").asLong());

    String page = web.browser().get("/authors/Wei%20Zhang").body();
    assertThat(page).contains("Wei Zhang — 2 people", "<a href=\"" + torontoUrl + "\">Wei Zhang</a> · University of Toronto",
        "href=\"https://orcid.org/0000-0002-0000-0021\"");
    assertThat(CitationListsTest.item(page, "2401.00105"))
        .contains("<a href=\"" + torontoUrl + "\" data-testid=\"paper-person\">Wei Zhang (University of Toronto)</a>");
    assertThat(CitationListsTest.item(page, "2401.00101")).contains("Wei Zhang (Tsinghua University)").doesNotContain(torontoUrl);

    JsonNode person = ApiTest.ok(web.browser().get("/api" + "/v1" + torontoUrl));
    assertThat(person.get("name").asText()).isEqualTo("Wei Zhang");
    assertThat(person.get("orcidUrl").asText()).isEqualTo("https://orcid.org/0000-0002-0000-0021");
    assertThat(person.get("institution").asText()).isEqualTo("University of Toronto");
    assertThat(person.get("source").asText()).isEqualTo("openalex");
    assertThat(person.get("sourceId").asText()).isEqualTo("A21");
    assertThat(person.get("sourceUrl").asText()).isEqualTo("https://openalex.org/A21");
    assertThat(person.get("namePage").asText()).isEqualTo("/authors/Wei%20Zhang");
    assertThat(ApiTest.ids(person.get("papers"))).containsExactly("2401.00105");
    assertThat(person.get("papers").get(0).get("citationCount").asInt()).isEqualTo(3);

    String personPage = web.browser().get(torontoUrl).body();
    assertThat(personPage).contains("data-testid=\"person-name\">Wei Zhang<", "University of Toronto",
        "<a href=\"https://orcid.org/0000-0002-0000-0021\" rel=\"noopener\" data-testid=\"person-orcid\">",
        "Contrastive Pretraining of Molecule Encoders", ">Cited by 3<");
    assertThat(personPage).doesNotContain("Graph Neural Networks for Molecular Property Prediction");
  }

  @Test
  void one_persons_papers_are_joined_across_sources_and_spellings_by_orcid_newest_or_most_cited_first() {
    JsonNode name = ApiTest.ok(web.browser().get("/api/v1/authors/Tom%20O'Brien"));
    assertThat(ApiTest.ids(name.get("papers"))).containsExactly("2401.00107");
    assertThat(name.get("people")).hasSize(1);
    JsonNode tom = name.get("people").get(0);
    assertThat(tom.get("papers").asInt()).isEqualTo(2);
    String url = "/api/v1" + tom.get("url").asText();
    assertThat(ApiTest.ids(ApiTest.ok(web.browser().get(url)).get("papers"))).containsExactly("2401.00110", "2401.00107");
    JsonNode byCitations = ApiTest.ok(web.browser().get(url + "?sort=citations"));
    assertThat(ApiTest.ids(byCitations.get("papers"))).containsExactly("2401.00107", "2401.00110");
    assertThat(byCitations.get("sort").asText()).isEqualTo("citations");
    assertThat(CitationListsTest.paperIds(web.browser().get(tom.get("url").asText() + "?sort=citations").body(), "author-paper"))
        .containsExactly("2401.00107", "2401.00110");
  }

  @Test
  void a_name_page_counts_the_papers_no_source_tied_to_a_person() {
    JsonNode name = ApiTest.ok(web.browser().get("/api/v1/authors/Maria%20Garcia"));
    assertThat(ApiTest.ids(name.get("papers"))).containsExactly("2401.00109", "2401.00101");
    assertThat(name.get("people")).hasSize(1);
    assertThat(name.get("people").get(0).get("institution").asText()).isEqualTo("MIT");
    assertThat(name.get("withoutIdentity").asInt()).isEqualTo(1);
    String page = web.browser().get("/authors/Maria%20Garcia").body();
    assertThat(page).contains("Maria Garcia — 1 person", "plus 1 paper with no identity", "1 paper</span>");
    assertThat(CitationListsTest.item(page, "2401.00109")).doesNotContain("paper-person");
  }

  @Test
  void a_name_no_source_identified_is_one_page_as_before() {
    JsonNode name = ApiTest.ok(web.browser().get("/api/v1/authors/John%20Smith"));
    assertThat(ApiTest.ids(name.get("papers"))).containsExactly("2401.00102");
    assertThat(name.get("people")).isEmpty();
    assertThat(name.get("withoutIdentity").asInt()).isZero();
    String page = web.browser().get("/authors/John%20Smith").body();
    assertThat(page).contains("Sparse Attention for Long Documents", "/subscriptions?kind=author&amp;target=John+Smith");
    assertThat(page).doesNotContain("author-people", "paper-person", "no identity");
  }

  @Test
  void an_unknown_or_malformed_person_is_a_404() {
    assertThat(web.browser().get("/authors/id/987654").statusCode()).isEqualTo(404);
    assertThat(web.browser().get("/authors/id/abc").statusCode()).isEqualTo(404);
    assertThat(web.browser().get("/api/v1/authors/id/0").statusCode()).isEqualTo(404);
    assertThat(web.browser().get("/api/v1/authors/id/987654").statusCode()).isEqualTo(404);
  }
}
