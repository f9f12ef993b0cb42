package org.paperlens.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.paperlens.cli.Main;

/** Runs the {@code paperlens} command line in this JVM and captures what it printed. */
public final class Cli {

  private Cli() {}

  public record Result(int code, String out, String err) {}

  public static Result run(String... args) {
    return run(System.getenv(), args);
  }

  /** With {@code env} as the command's environment (a mail server, say) instead of this process's. */
  public static Result run(java.util.Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(TestDatabase.withDatabase(args), env, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }
}
