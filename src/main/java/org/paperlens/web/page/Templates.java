package org.paperlens.web.page;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.paperlens.html.Html;
import org.paperlens.web.http.Auth;

/**
 * The page templates (Mustache, in {@code web/templates} on the class path), compiled once and
 * kept. Every {@code {{value}}} is HTML-escaped; the only unescaped values ({@code {{{...}}}}) are
 * ones built as safe HTML in Java (snippets from the index, which escapes them, and abstracts run
 * through {@link MathText}). Thread-safe.
 */
public final class Templates {

  /** {@link Html#escape}, the one escaper of pages, snippets and mails (jmustache's default also escapes = and `). */
  private static final Mustache.Escaper HTML = Html::escape;

  private final Mustache.Compiler compiler;
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();
  private final boolean feedsServed;

  public Templates() {
    this(true);
  }

  /** @param feedsServed whether the server answers the feed routes; pages link no feed when it does not */
  public Templates(boolean feedsServed) {
    this.feedsServed = feedsServed;
    this.compiler = Mustache.compiler().withEscaper(HTML).defaultValue("").emptyStringIsFalse(true).zeroIsFalse(true).withLoader(name -> reader(name));
  }

  /** Renders page {@code name} with {@code model} plus what every page needs (who is logged in, the CSRF token). */
  public String render(String name, Context ctx, Map<String, ?> model) {
    return render(name, Auth.account(ctx).map(org.paperlens.account.Account::name).orElse(null), Auth.csrfToken(ctx), model);
  }

  /** Renders page {@code name} as a visitor who is not logged in sees it, for every such visitor: see {@link SharedPage}. */
  SharedPage renderShared(String name, Map<String, ?> model) {
    return SharedPage.of(render(name, null, SharedPage.TOKEN_GAP, model));
  }

  private String render(String name, String me, String csrf, Map<String, ?> model) {
    Map<String, Object> all = new HashMap<>(model);
    if (me != null) {
      all.put("me", me);
    }
    all.put("csrf", csrf);
    all.put("nav_" + name, Boolean.TRUE);
    if (!feedsServed) {
      all.remove("feeds");
    }
    FollowLinks.flags(all);
    String html = compiled.computeIfAbsent(name, n -> compiler.compile(reader(n))).execute(all);
    // KaTeX (about 300 KB with its fonts, cached a year) only on pages that show math.
    return html.contains(MathText.SPAN) && KATEX_VERSION != null ? html.replace(MATH_MARK, KATEX) : html;
  }

  private static final String MATH_MARK = "<!--math-->";
  /**
   * The version-named folder of the KaTeX files the build fetched from the npm registry
   * (bin/vendor-katex, run by Maven): a new version is a new URL. Null when the build could not
   * fetch them: pages then show math as Unicode text, as they do without JavaScript.
   */
  public static final String KATEX_VERSION = katexVersion();
  private static final String KATEX = "<link rel=\"stylesheet\" href=\"/static/katex/" + KATEX_VERSION + "/katex.min.css\">"
      + "<script src=\"/static/katex/" + KATEX_VERSION + "/katex.min.js\" defer></script><script src=\"/static/math.js\" defer></script>";

  private static String katexVersion() {
    try (InputStream in = Templates.class.getResourceAsStream("/web/katex/VERSION")) {
      if (in == null) {
        java.util.logging.Logger.getLogger(Templates.class.getName())
            .warning("KaTeX is not in this build (bin/vendor-katex could not fetch it): math is shown as Unicode text");
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renders a part of a page that is the same for everyone (no account, no CSRF token), for caching. */
  String fragment(String name, Map<String, ?> model) {
    return compiled.computeIfAbsent(name, n -> compiler.compile(reader(n))).execute(model);
  }

  private static Reader reader(String name) {
    InputStream in = Templates.class.getResourceAsStream("/web/templates/" + name + ".mustache");
    if (in == null) {
      return new StringReader("missing template " + name);
    }
    try (in) {
      return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
