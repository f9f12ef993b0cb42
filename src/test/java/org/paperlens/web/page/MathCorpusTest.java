package org.paperlens.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.paperlens.eval.MarkedSection;
import org.paperlens.index.PaperFields;
import org.paperlens.index.lucene.TextAnalysis;
import org.paperlens.testing.Chromium;
import org.paperlens.testing.SharedData;

/**
 * Every title and abstract of the 74,728 real listings through the page's math ({@link MathText#html})
 * and the plain text the index, snippets, feeds and mails use ({@link MathText#plain}): no dollar
 * left over from a delimiter, no TeX command's name in the text or in the index terms, and every
 * math span the HTML form emits typeset by the project's KaTeX in Chromium without an error. Uses
 * only those two methods, so the same test measures older code (docs/reliability.md has both counts).
 * With {@code -Dpaperlens.math.report=docs/reliability.md} it writes its counts there.
 */
@Tag("slow")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MathCorpusTest {

  private static final Pattern SPAN = Pattern.compile("<span class=\"math\"( data-display=\"true\")? data-tex=\"([^\"]*)\">");
  /** A command: a backslash and two letters or more, after an even number of backslashes ("\\omega" is a line break and a word). */
  private static final Pattern COMMAND = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\([A-Za-z]{2,})");
  /** A dollar sign that is not escaped. */
  private static final Pattern DOLLAR = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\$");
  /** Operators show their names: those may appear, only never glued to a letter ("nlog n"); what each shows. */
  private static final Map<String, String> NAMED = named();
  /** Commands with their braced argument ({@code \\text{as words}}), and bare commands. */
  private static final Pattern ARGUMENTS = Pattern.compile("\\\\[A-Za-z]+\\*?(\\{[^{}]*\\})?");
  /** Three words in a row: sentences that a lost delimiter turned into math (italic letters without spaces on the page). */
  private static final Pattern PROSE = Pattern.compile("[A-Za-z]{3,} +[A-Za-z]{3,} +[A-Za-z]{3,}");
  private static final int BATCH = 400;

  private final TextAnalysis analysis = TextAnalysis.papers();
  private final Map<String, Set<String>> failures = new TreeMap<>(); // check -> ids
  private final Map<String, String> examples = new LinkedHashMap<>();

  @Test
  void every_title_and_abstract_reads_without_tex_and_every_math_span_typesets_in_katex() throws Exception {
    long started = System.nanoTime();
    Path listings = SharedData.listings();
    Path katex = katexScript();
    Map<String, Span> spans = new LinkedHashMap<>(); // one KaTeX call per distinct span
    int records = 0;
    int texts = 0;
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(listings)),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode r = json.readTree(line);
        String id = r.get("id").asText();
        records++;
        for (String field : List.of("title", "summary")) {
          String text = r.path(field).asText(null);
          if (text == null) {
            continue;
          }
          texts++;
          check(id, text);
          Matcher m = SPAN.matcher(MathText.html(text));
          while (m.find()) {
            boolean display = m.group(1) != null;
            String tex = unescape(m.group(2));
            if (PROSE.matcher(ARGUMENTS.matcher(tex).replaceAll(" ")).find()) {
              fail("prose typeset as math", id, tex);
            }
            spans.computeIfAbsent((display ? "D" : "I") + tex, k -> new Span(tex, display, new TreeSet<>())).ids().add(id);
          }
        }
      }
    }
    int spanCount = spans.values().stream().mapToInt(s -> s.ids().size()).sum();
    long read = System.nanoTime();
    typesetInKatex(katex, spans);
    System.out.printf("MathCorpusTest: texts checked in %d s, spans typeset in %d s%n", (read - started) / 1_000_000_000,
        (System.nanoTime() - read) / 1_000_000_000);
    Set<String> failing = new TreeSet<>();
    failures.values().forEach(failing::addAll);
    String report = report(records, texts, spans.size(), spanCount, failing.size());
    System.out.println(report);
    String target = System.getProperty("paperlens.math.report");
    if (target != null) {
      String label = System.getProperty("paperlens.math.label", "after");
      MarkedSection.writeInto(Path.of(target), "math-corpus-" + label, report, "# Reliability\n");
    }
    assertThat(records).isEqualTo(74_728);
    assertThat(failures).as("records failing each check, with examples: " + examples).isEmpty();
  }

  /** The text's plain form has no delimiter dollar and no command name; its index terms none either. */
  private void check(String id, String text) {
    String plain = MathText.plain(text);
    // A dollar left in the text is money ("$500"), one the source escapes ("top-\$p\$"), or the one that has no partner.
    int unpaired = (int) (DOLLAR.matcher(text).results().count() % 2) + text.split("\\\\\\$", -1).length - 1;
    for (int i = plain.indexOf('$'); i >= 0; i = plain.indexOf('$', i + 1)) {
      if (!money(plain, i) && unpaired-- <= 0) {
        fail("a stray dollar in plain text", id, plain.substring(Math.max(0, i - 30), Math.min(plain.length(), i + 30)));
        break;
      }
    }
    if (text.indexOf('\\') < 0) {
      return;
    }
    // What the text says without its commands, operators as the words they show: every word of the plain text should be in it.
    // Braces and dollars go too: "$\\underline{\\textbf{mu}}$ltimodal" is one word.
    String withoutCommands = COMMAND.matcher(text.replace("\\-", "")).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
        + (NAMED.containsKey(m.group(2)) ? " " + NAMED.get(m.group(2)) + " " : "")));
    Set<String> baselineTerms = new TreeSet<>(analysis.tokens(PaperFields.ABSTRACT, withoutCommands.replaceAll("[{}$]", "")));
    baselineTerms.addAll(analysis.tokens(PaperFields.ABSTRACT, withoutCommands.replaceAll("[{}$]", " "))); // \\textcolor{blue}{VIP}
    withoutCommands = withoutCommands.replaceAll("[{}$]", "");
    List<String> terms = analysis.tokens(PaperFields.ABSTRACT, plain);
    Set<String> names = new TreeSet<>();
    COMMAND.matcher(text).results().forEach(m -> names.add(m.group(2)));
    for (String name : names) {
      boolean named = NAMED.containsKey(name);
      // Glued: to a letter, not to a modifier letter (maxᵢ is a subscript).
      Pattern leak = named ? glued(name) : Pattern.compile(Pattern.quote(name));
      if (leak.matcher(plain).results().count() > leak.matcher(withoutCommands).results().count()) {
        fail("a command name in plain text", id, name + ": " + excerpt(plain, leak));
      }
      for (String needle : analysis.tokens(PaperFields.ABSTRACT, name)) {
        for (String term : terms) {
          String word = term.replaceAll("^_+|_+$", ""); // "BOVText_(SOT)" gives bovtext_, a term of the word BOVText
          if (word.contains(needle) && !baselineTerms.contains(word) && (!named || glued(needle).matcher(word).find())) {
            fail("a command name in index terms", id, name + ": term " + term);
          }
        }
      }
    }
  }

  /** The name with a letter right before or after it ("nlog"; a subscript as in "maxᵢ" or "log_q" is no glue). */
  private static Pattern glued(String name) {
    return Pattern.compile("[\\p{L}&&[^\\p{Lm}]]" + Pattern.quote(name) + "|" + Pattern.quote(name) + "[\\p{L}&&[^\\p{Lm}]]");
  }

  private static Map<String, String> named() {
    Map<String, String> m = new java.util.HashMap<>();
    for (String op : ("log ln lg exp max min sup inf lim liminf limsup det Pr sin cos tan cot sec csc sinh cosh tanh coth "
        + "arcsin arccos arctan arg gcd deg dim ker hom mod LaTeX TeX").split(" ")) {
      m.put(op, op);
    }
    m.putAll(Map.of("bmod", "mod", "pmod", "mod", "argmax", "arg max", "argmin", "arg min", "operatorname", ""));
    return Map.copyOf(m);
  }

  /** A literal dollar, as in "$500", "\$100,000" or "US$ 3". */
  private static boolean money(String plain, int i) {
    int j = i + 1;
    while (j < plain.length() && plain.charAt(j) == ' ') {
      j++;
    }
    return j < plain.length() && (Character.isDigit(plain.charAt(j)) || plain.charAt(j) == '.');
  }

  private void typesetInKatex(Path katex, Map<String, Span> spans) {
    try (Chromium chromium = Chromium.launch()) {
      Page page = chromium.newPage();
      page.addScriptTag(new Page.AddScriptTagOptions().setPath(katex));
      List<Span> all = new ArrayList<>(spans.values());
      for (int from = 0; from < all.size(); from += BATCH) {
        List<Span> batch = all.subList(from, Math.min(all.size(), from + BATCH));
        List<Map<String, Object>> args = batch.stream().map(s -> Map.<String, Object>of("tex", s.tex(), "display", s.display())).toList();
        @SuppressWarnings("unchecked")
        List<Object> errors = (List<Object>) page.evaluate("""
            spans => spans.map(s => {
              try { katex.renderToString(s.tex, {throwOnError: true, displayMode: s.display}); return null; }
              catch (e) { return String(e.message); }
            })""", args);
        for (int i = 0; i < batch.size(); i++) {
          if (errors.get(i) != null) {
            for (String id : batch.get(i).ids()) {
              fail("a math span KaTeX cannot typeset", id, batch.get(i).tex() + " -> " + errors.get(i));
            }
          }
        }
      }
    }
  }

  private void fail(String check, String id, String example) {
    failures.computeIfAbsent(check, k -> new TreeSet<>()).add(id);
    if (examples.keySet().stream().filter(k -> k.startsWith(check)).count() < 15) {
      examples.putIfAbsent(check + " " + id, example);
    }
  }

  private String report(int records, int texts, int distinctSpans, int spanCount, int failing) {
    StringBuilder b = new StringBuilder();
    b.append("Records: ").append(records).append(" (").append(texts).append(" titles and abstracts); math spans emitted: ")
        .append(spanCount).append(" (").append(distinctSpans).append(" distinct, each typeset once).\n\n");
    b.append("| check | records failing |\n|---|---:|\n");
    for (String check : List.of("a stray dollar in plain text", "a command name in plain text",
        "a command name in index terms", "prose typeset as math", "a math span KaTeX cannot typeset")) {
      b.append("| ").append(check).append(" | ").append(failures.getOrDefault(check, Set.of()).size()).append(" |\n");
    }
    b.append("| **any of them** | **").append(failing).append("** |\n");
    examples.forEach((k, v) -> b.append("\n- ").append(k).append(": `").append(v.replace("`", "'").replace("\n", " ")).append('`'));
    return b.toString();
  }

  private static String excerpt(String plain, Pattern leak) {
    Matcher m = leak.matcher(plain);
    return m.find() ? plain.substring(Math.max(0, m.start() - 25), Math.min(plain.length(), m.end() + 25)) : "";
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /** The KaTeX the pages load (bin/vendor-katex puts it into the build). */
  private static Path katexScript() throws Exception {
    Path dir = Path.of("target", "classes", "web", "katex");
    String version = Files.readString(dir.resolve("VERSION")).strip();
    return dir.resolve(version).resolve("katex.min.js");
  }

  private record Span(String tex, boolean display, Set<String> ids) {}
}
