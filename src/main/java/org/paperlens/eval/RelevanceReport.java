package org.paperlens.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A relevance table for {@code docs/}, written by the command that measured it: one row per search
 * mode, the metrics as columns, the command, model and date beside it, and published numbers to
 * compare against.
 *
 * @param name the section's marker name in the page ({@code <!-- name:start -->})
 * @param title the section heading, e.g. "SciFact (BEIR), test split"
 * @param command the command line that produced the numbers, shown so anyone can re-run it
 * @param model the embedding model used, or e.g. "none (BM25 only)"
 * @param date the day of the measurement
 * @param evaluations one per mode, in the order of the rows
 * @param anchors published results for comparison; may be empty
 */
public record RelevanceReport(String name, String title, String command, String model, LocalDate date,
    List<Evaluation> evaluations, List<Anchor> anchors) {

  /**
   * A published result to compare against: the system, the numbers it reported (any subset of
   * the metrics), and where (paper, leaderboard).
   */
  public record Anchor(String system, Map<Metric, Double> values, String source) {
    public Anchor {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(source, "source");
      values = Map.copyOf(values);
    }
  }

  /** The page created when {@code docs/relevance.md} does not exist yet. */
  static final String PAGE_HEADING = """
      # Relevance

      Figures written by the commands shown with them (`org.paperlens.eval.RelevanceReport`); \
      edit the text around the generated sections, not inside them.
      """;

  public RelevanceReport {
    MarkedSection.checkName(name);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(date, "date");
    evaluations = List.copyOf(evaluations);
    anchors = List.copyOf(anchors);
    if (evaluations.isEmpty()) {
      throw new IllegalArgumentException("a relevance report needs at least one evaluated mode");
    }
  }

  /** The section's Markdown, without its markers. */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("## ").append(title).append("\n\n");
    md.append("Measured ").append(date).append(", model: ").append(cell(model)).append(". Command:\n\n");
    md.append("```\n").append(command).append("\n```\n\n");
    md.append("| mode |");
    Metric[] metrics = Metric.values();
    for (Metric m : metrics) {
      md.append(' ').append(m.label()).append(" |");
    }
    md.append(" queries |\n|---|").append("---:|".repeat(metrics.length + 1)).append('\n');
    for (Evaluation e : evaluations) {
      md.append("| ").append(cell(e.mode())).append(" |");
      for (Metric m : metrics) {
        md.append(' ').append(number(e.mean(m))).append(" |");
      }
      md.append(' ').append(e.scores().queryCount()).append(" |\n");
    }
    if (!anchors.isEmpty()) {
      md.append("\nPublished, for comparison:\n\n| system |");
      for (Metric m : metrics) {
        md.append(' ').append(m.label()).append(" |");
      }
      md.append(" source |\n|---|").append("---:|".repeat(metrics.length)).append("---|\n");
      for (Anchor a : anchors) {
        md.append("| ").append(cell(a.system())).append(" |");
        for (Metric m : metrics) {
          Double v = a.values().get(m);
          md.append(' ').append(v == null ? "–" : number(v)).append(" |");
        }
        md.append(' ').append(cell(a.source())).append(" |\n");
      }
    }
    md.append("\nMetrics as `trec_eval -c -m ndcg_cut.10 -m recall.100` computes them (MRR@10: ")
        .append("`recip_rank` within the top 10), averaged over every judged query.\n");
    return md.toString();
  }

  /**
   * Writes this report into its section of {@code page} (e.g. {@code docs/relevance.md}),
   * replacing the previous numbers and keeping the rest; creates the page when missing.
   */
  public void writeInto(Path page) throws IOException {
    MarkedSection.writeInto(page, name, toMarkdown(), PAGE_HEADING);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** Text that cannot break the table: pipes escaped, line breaks flattened. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
  }
}
