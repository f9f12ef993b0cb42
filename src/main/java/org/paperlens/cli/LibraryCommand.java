package org.paperlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.paperlens.app.PaperLens;
import org.paperlens.account.Account;
import org.paperlens.common.BadInputException;
import org.paperlens.config.Config;
import org.paperlens.export.BibtexImport;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "library", mixinStandardHelpOptions = true, description = "Members' libraries.",
    subcommands = {LibraryCommand.ImportBibtex.class})
final class LibraryCommand implements Runnable {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a library subcommand is required (import-bibtex)");
  }

  @Command(name = "import-bibtex", mixinStandardHelpOptions = true,
      description = {"Adds the papers of a BibTeX file to a member's library.",
          "Entries are matched by arXiv id, DOI, then exact title; it lists what matched and what did not."})
  static final class ImportBibtex implements Callable<Integer> {

    @CommandLine.ParentCommand
    LibraryCommand parent;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "The member whose library receives the papers.")
    String user;

    @Option(names = "--tag", paramLabel = "TAG", split = ",", description = "Tags for the imported papers.")
    List<String> tags = List.of();

    @Parameters(paramLabel = "FILE", description = "The .bib file.")
    Path file;

    @Override
    public Integer call() throws IOException {
      Main main = parent.main;
      Config config = main.config();
      PrintWriter out = main.spec.commandLine().getOut();
      try (PaperLens root = main.root(config)) {
        CatalogueStore store = root.catalogue();
        Account account = root.accounts().byName(user)
            .orElseThrow(() -> new CommandLine.ParameterException(main.spec.commandLine(), "no member named '" + user + "'"));
        BibtexImport.Report report;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          report = new BibtexImport(store, root.indexIfBuilt().orElse(null)).match(in, file.toString());
        } catch (NoSuchFileException e) {
          throw new BadInputException(file.toString(), "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
          throw new BadInputException(file.toString(), "not UTF-8 text");
        }
        LibraryStore library = root.library();
        for (BibtexImport.Entry e : report.matched()) {
          library.save(account, e.paper(), tags);
          out.printf("matched  %-20s %s (by %s)%n", e.key(), e.paper(), e.by().label());
        }
        for (BibtexImport.Entry e : report.unmatched()) {
          out.printf("no match %-20s %s%n", e.key(), e.title() == null ? "(no title)" : e.title());
        }
        out.printf("%d of %d entries added to %s's library%n", report.matched().size(), report.entries().size(), account.name());
        return 0;
      }
    }

  }
}
