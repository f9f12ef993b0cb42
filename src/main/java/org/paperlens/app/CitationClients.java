package org.paperlens.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.paperlens.citation.CitationSource;
import org.paperlens.citation.http.FetchPolicy;
import org.paperlens.citation.http.Sleeper;
import org.paperlens.citation.source.OpenAlexSource;
import org.paperlens.citation.source.SemanticScholarSource;
import org.paperlens.config.CitationSources;

/** The citation source clients a configuration turns on, with the politeness each source documents. */
final class CitationClients {

  private static final Logger LOG = Logger.getLogger(CitationClients.class.getName());

  private CitationClients() {}

  static List<CitationSource> open(CitationSources config, Clock clock) {
    List<CitationSource> sources = new ArrayList<>();
    CitationSources.Access oa = config.openAlex();
    if (oa.enabled()) {
      sources.add(new OpenAlexSource(new OpenAlexSource.Settings(oa.baseUrl(), oa.apiKey(), oa.mailto(), 50, FetchPolicy.openAlex()),
          clock, Sleeper.REAL, LOG::fine));
    }
    CitationSources.Access s2 = config.semanticScholar();
    if (s2.enabled()) {
      sources.add(new SemanticScholarSource(new SemanticScholarSource.Settings(s2.baseUrl(), s2.apiKey(), 500,
          FetchPolicy.semanticScholar()), clock, Sleeper.REAL, LOG::fine));
    }
    return List.copyOf(sources);
  }
}
