package org.paperlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paperlens.app.IndexBackend;
import org.paperlens.backup.Backup;
import org.paperlens.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Copy the catalogue and the search index into DIR, safely while serve runs (docs/operations.md).",
        "SQLite: an online copy (VACUUM INTO); PostgreSQL: pg_dump when it is on the PATH, else the command is printed.",
        "The index is copied first, so it is never ahead of the catalogue copy; manifest.json records both."})
final class BackupCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @Parameters(paramLabel = "DIR", description = "New or empty directory to write the backup into.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Config config = main.config();
    IndexBackend backend = main.indexBackend(config);
    PrintWriter out = main.spec.commandLine().getOut();
    Path indexRoot = backend instanceof IndexBackend.Embedded embedded ? embedded.root() : null;
    Backup.run(config.database(), indexRoot, dir, line -> {
      out.println("paperlens: " + line);
      out.flush();
    });
    return 0;
  }
}
