package org.paperlens.tex;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.paperlens.testing.Chromium;

/**
 * Every math command {@link TexSymbols} names is one the project's KaTeX typesets: {@link KatexTex}
 * passes those on and drops the rest, so a name KaTeX does not know would be an error on a page.
 * Also the repairs KatexTex makes, each typeset in Chromium.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KatexTexTest {

  static Chromium chromium;
  static Page page;

  @BeforeAll
  static void loadKatex() throws Exception {
    chromium = Chromium.launch();
    page = chromium.newPage();
    Path dir = Path.of("target", "classes", "web", "katex");
    page.addScriptTag(new Page.AddScriptTagOptions().setPath(dir.resolve(Files.readString(dir.resolve("VERSION")).strip()).resolve("katex.min.js")));
  }

  @AfterAll
  static void close() {
    if (chromium != null) { // null when Chromium is missing and the class was skipped
      chromium.close();
    }
  }

  @Test
  void every_math_command_the_tables_name_is_typeset_by_katex() {
    List<String> tex = new ArrayList<>();
    TexSymbols.MATH.keySet().forEach(n -> tex.add("a \\" + n + " b"));
    TexSymbols.OPERATORS.forEach(n -> tex.add("\\" + n + " x"));
    TexSymbols.EXTRA_OPERATORS.keySet().forEach(n -> tex.add("\\" + n + "_i x"));
    TexSymbols.ACCENTS.keySet().forEach(n -> tex.add("\\" + n + "{x}"));
    TexSymbols.STYLES.keySet().forEach(n -> tex.add("\\" + n + "{R}"));
    TexSymbols.TEXT_ARGUMENT.forEach(n -> tex.add("x \\" + n + "{a_b \\& c}"));
    TexSymbols.SPACES.forEach(n -> tex.add("a\\" + n + "b"));
    TexSymbols.SIZING.forEach(n -> tex.add("\\" + n + "( x \\right)"));
    TexSymbols.STRUCTURES.forEach(n -> tex.add("\\" + n + "{a}{b}"));
    assertThat(errors(tex)).isEmpty();
  }

  @Test
  void repaired_spans_typeset() {
    List<String> tex = List.of("x^a^b_c_d", "\\left( x", "x \\right]", "\\frac{a}{b", "b}", "50% & 3 # \\ours{x}", "\\textsc{Tr}(A)",
        "\\unicode{x2013} \\char\"2014", "\\mathbb F_2", "\\begin{cases} a & b \\\\ c \\end{cases}", "\\text{$x$ and } y",
        "\\middle| x", "\\left. x \\right|", "\\sqrt[3]{x}", "x^{\\prime}", "\\not\\in", "\\textsuperscript{3}", "\\hspace{1em}x");
    assertThat(errors(tex)).isEmpty();
  }

  /** Each TeX that KaTeX refuses once {@link KatexTex} has rewritten it, with the error. */
  private static Map<String, Object> errors(List<String> written) {
    List<String> rewritten = written.stream().map(KatexTex::of).toList();
    @SuppressWarnings("unchecked")
    List<Object> errors = (List<Object>) page.evaluate("""
        all => all.map(tex => {
          try { katex.renderToString(tex, {throwOnError: true}); return null; } catch (e) { return String(e.message); }
        })""", rewritten);
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < written.size(); i++) {
      if (errors.get(i) != null) {
        out.put(written.get(i) + " -> " + rewritten.get(i), errors.get(i));
      }
    }
    return out;
  }
}
