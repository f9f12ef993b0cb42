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
        LibraryStore library = root.library();
        BibtexImport importer = new BibtexImport(store, root.indexIfBuilt().orElse(null));
        int[] counts = new int[3]; // matched, not matched, unreadable
        // Entry by entry: each is saved and printed as it is read, so memory holds one entry whatever the file's size.
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          importer.each(in, outcome -> {
            switch (outcome) {
              case BibtexImport.Read r when r.entry().matched() -> {
                BibtexImport.Entry e = r.entry();
                library.save(account, e.paper(), tags);
                out.printf("matched  %-20s %s (by %s)%n", e.key(), e.paper(), e.by().label());
                counts[0]++;
              }
              case BibtexImport.Read r -> {
                out.printf("no match %-20s %s%n", r.entry().key(), r.entry().title() == null ? "(no title)" : r.entry().title());
                counts[1]++;
              }
              case BibtexImport.Unreadable u -> {
                main.spec.commandLine().getErr().printf("%s: skipped %s%n", file, u.bad().describe());
                counts[2]++;
              }
            }
          });
        } catch (NoSuchFileException e) {
          throw new BadInputException(file.toString(), "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
          throw new BadInputException(file.toString(), "not UTF-8 text");
        }
        if (counts[0] + counts[1] == 0 && counts[2] > 0) {
          throw new BadInputException(file.toString(), "no entry could be read (" + counts[2] + " skipped, each named above)");
        }
        out.printf("%d of %d entries added to %s's library%s%n", counts[0], counts[0] + counts[1], account.name(),
            counts[2] == 0 ? "" : "; " + counts[2] + " unreadable entries skipped");
        return 0;
      }
    }

  }
}
