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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.paperlens.html.Html;
import org.paperlens.web.http.Auth;

/**
 * The page templates (Mustache, in {@code web/templates} on the class path), compiled once and
 * kept. Every {@code {{value}}} is HTML-escaped; the only unescaped values ({@code {{{...}}}}) are
 * ones built as safe HTML in Java (snippets, rendered with {@code Html.escape} in {@code Views.hit}, and abstracts run
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

  /** Renders page {@code name} with its {@code view} plus what every page needs (who is logged in, the CSRF token). */
  public String render(String name, Context ctx, Object view) {
    return render(name, ctx, view, FollowLinks.NONE);
  }

  /** As {@link #render(String, Context, Object)}, for a page with feed and export links. */
  public String render(String name, Context ctx, Object view, FollowLinks follow) {
    return render(name, Auth.account(ctx).map(org.paperlens.account.Account::name).orElse(null), Auth.csrfToken(ctx), view, follow);
  }

  /** Renders page {@code name} as a visitor who is not logged in sees it, for every such visitor: see {@link SharedPage}. */
  SharedPage renderShared(String name, Object view, FollowLinks follow) {
    return SharedPage.of(render(name, null, SharedPage.TOKEN_GAP, view, follow));
  }

  /**
   * What every page shows around its own view, the parent context of the view in the templates:
   * who is logged in, the CSRF token, the current menu entry ({@code nav.daily} ...) and the
   * follow line. A view record has none of these names, so it cannot hide them.
   */
  record Frame(String me, String csrf, Nav nav, FollowLinks follow) {}

  /** Which menu entry is the current page: {@code {{#nav.daily}}} in the templates. */
  public record Nav(String page) {
    public boolean daily() {
      return page.equals("daily");
    }

    public boolean trending() {
      return page.equals("trending");
    }

    public boolean search() {
      return page.equals("search");
    }

    public boolean collections() {
      return page.equals("collections");
    }

    public boolean submit() {
      return page.equals("submit");
    }

    public boolean library() {
      return page.equals("library");
    }

    public boolean recommended() {
      return page.equals("recommended");
    }
  }

  private String render(String name, String me, String csrf, Object view, FollowLinks follow) {
    Frame frame = new Frame(me, csrf, new Nav(name), feedsServed ? follow : follow.withoutFeeds());
    java.io.StringWriter out = new java.io.StringWriter();
    compiled.computeIfAbsent(name, n -> compiler.compile(reader(n))).execute(view, frame, out);
    String html = out.toString();
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
  String fragment(String name, Object view) {
    return compiled.computeIfAbsent(name, n -> compiler.compile(reader(n))).execute(view);
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
