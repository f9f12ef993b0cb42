package org.paperlens.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.export.CitationFormat;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.related.UnknownPaperException;
import org.paperlens.search.SearchHit;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.Searcher;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Exports papers as BibTeX, RIS or CSL-JSON: given ids, or a page of keyword search results.")
final class ExportCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @Option(names = "--format", defaultValue = "bibtex", paramLabel = "FORMAT",
      description = "bibtex, ris or csl-json (default ${DEFAULT-VALUE}).")
  String format;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = "--id", paramLabel = "ID", split = ",", description = "Paper ids (arXiv ids or scheme:id).")
    List<String> ids;

    @Option(names = "--query", paramLabel = "QUERY", description = "A keyword search; its first page of results is exported.")
    String query;
  }

  @Option(names = "--limit", defaultValue = "25", paramLabel = "N", description = "Results of --query to export (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Override
  public Integer call() throws java.io.IOException {
    Config config = main.config();
    CitationFormat f;
    SearchRequest request = null;
    try {
      f = CitationFormat.parse(format);
      if (which.query != null) {
        request = new SearchRequest(which.query, SearchMode.KEYWORD, null, 0, limit);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(main.spec.commandLine(), e.getMessage());
    }
    List<Paper> papers = new ArrayList<>();
    try (PaperLens root = main.root(config)) {
      CatalogueStore store = root.catalogue();
      if (request != null) {
        for (SearchHit h : root.searcher().search(request).hits()) { // keyword: the model is not loaded
          store.find(h.paper().id()).ifPresent(papers::add);
        }
      } else {
        for (String raw : which.ids) {
          PaperId id = ArxivId.parse(raw).map(ArxivId::id).orElseGet(() -> new PaperId(raw.strip()));
          Optional<Paper> p = store.find(id);
          papers.add(p.orElseThrow(() -> new UnknownPaperException(id)));
        }
      }
    }
    String text = f.write(papers);
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
      main.spec.commandLine().getErr().printf("wrote %d papers as %s to %s%n", papers.size(), f.flagName(), output);
    } else {
      main.spec.commandLine().getOut().print(text);
    }
    return 0;
  }
}
