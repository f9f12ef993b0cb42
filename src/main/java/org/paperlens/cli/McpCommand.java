package org.paperlens.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.paperlens.app.Agent;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.mcp.McpEnv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperlens mcp}: the agent interface over standard input and output, for an MCP client
 * (an AI assistant, an IDE) that starts it as a subprocess. Standard output carries JSON-RPC and
 * nothing else: this command prints nothing there itself, and while it runs {@code System.out}
 * points at standard error, so a stray print anywhere cannot corrupt the protocol.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
    description = {"Serve the MCP tools over standard input and output, for an AI agent that starts this command.",
        "Tools: search, paper, related, recommend, daily, trending, library_list, library_add, library_remove.",
        "Until standard input ends. Log lines go to standard error."})
final class McpCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "A member's API token, for the library tools. Default: $" + McpEnv.TOKEN_ENV + " (none: the library tools say how to get one).")
  String token;

  @Override
  public Integer call() throws InterruptedException {
    Config config = main.config();
    String source = token != null ? "--token" : "$" + McpEnv.TOKEN_ENV;
    String memberToken = token != null ? token : main.environment().get(McpEnv.TOKEN_ENV);
    PrintWriter err = spec.commandLine().getErr();
    var protocol = new FileOutputStream(FileDescriptor.out);
    var stdout = System.out;
    System.setOut(System.err);
    CountDownLatch ended = new CountDownLatch(1);
    try (PaperLens root = main.root(config)) {
      say(err, root, memberToken, source);
      Agent.stdio(root, memberToken, source, new EndOfInput(new FileInputStream(FileDescriptor.in), ended), protocol);
      ended.await();
    } finally {
      System.setOut(stdout);
    }
    return 0;
  }

  /** What the session starts with, on standard error: which member the library tools act for, and whether there is an index. */
  private static void say(PrintWriter err, PaperLens root, String token, String source) {
    String who;
    if (token == null || token.isBlank()) {
      who = "no member token (the library tools need $" + McpEnv.TOKEN_ENV + " or --token)";
    } else {
      who = root.accounts().byApiToken(token.strip()).map(a -> "library tools as member " + a.name())
          .orElse("the token in " + source + " is not valid: the library tools will say so");
    }
    String index = root.indexIfBuilt().isPresent() ? "" : "; no search index yet (run 'paperlens import' or 'paperlens reindex')";
    err.println("paperlens mcp: serving MCP over standard input and output, " + who + index);
    err.flush();
  }

  /** Standard input that says when it ends (the client closed it, or it broke): then the command returns. */
  private static final class EndOfInput extends FilterInputStream {
    private final CountDownLatch ended;

    EndOfInput(InputStream in, CountDownLatch ended) {
      super(in);
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      return watch(() -> super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return watch(() -> super.read(b, off, len));
    }

    private int watch(IoRead read) throws IOException {
      try {
        int n = read.get();
        if (n < 0) {
          ended.countDown();
        }
        return n;
      } catch (IOException e) {
        ended.countDown();
        throw e;
      }
    }

    @FunctionalInterface
    private interface IoRead {
      int get() throws IOException;
    }
  }
}
