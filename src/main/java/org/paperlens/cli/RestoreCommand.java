package org.paperlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paperlens.backup.Restore;
import org.paperlens.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Restore a backup made by `paperlens backup` into an empty data directory (--data).",
        "The directory must hold no catalogue and no index yet. Every file is checked against the manifest first.",
        "Mail stays held for the restored copy until `paperlens mail resume`: a copy started with the",
        "production SMTP settings must not mail real subscribers."})
final class RestoreCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @Parameters(paramLabel = "DIR", description = "A directory written by `paperlens backup`.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Config config = main.config();
    PrintWriter out = main.spec.commandLine().getOut();
    Restore.run(dir, config.database(), config.dataDir(), line -> {
      out.println("paperlens: " + line);
      out.flush();
    });
    return 0;
  }
}
