package org.paperlens.cli;

import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.Encoder;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --max-tokens} option of the commands that embed: where long abstracts are cut.
 * The evaluation commands keep a corpus embedded at another cut in a directory of its own, so a
 * stored vector is never reused for a different cut.
 */
final class Truncation {

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "0",
      description = "Cut each text to N tokens before embedding (default: the model's limit, 512 for bge-small).")
  int maxTokens;

  Encoder.Options options(int threads, int batchSize, boolean spinning) {
    try {
      return new Encoder.Options(threads, batchSize, maxTokens, spinning);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-tokens: " + e.getMessage());
    }
  }

  Encoder.Options defaults() {
    return options(Encoder.Options.DEFAULT_THREADS, Encoder.Options.DEFAULT_BATCH_SIZE, false);
  }

  /** The option as a reported command line gives it: empty at the default. */
  String flag() {
    return maxTokens == 0 ? "" : " --max-tokens " + maxTokens;
  }

  /** The evaluation data set's name for this cut: unchanged at the model's limit. */
  String dataset(String name, EmbeddingModel model) {
    return maxTokens == 0 || maxTokens >= model.maxTokens() ? name : name + "-max" + maxTokens;
  }
}
