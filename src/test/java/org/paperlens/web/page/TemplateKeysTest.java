package org.paperlens.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every key a page template asks for is a component (or public method) of its view record, of a
 * record the key's section opened, or of the {@link Templates.Frame} around every page: a misspelt
 * key in a template or a renamed component in a view fails here instead of rendering as nothing.
 * Values still kept as maps (a paper's code links, the discussion) are not looked into.
 */
class TemplateKeysTest {

  /** Each page template and the view it is rendered with. */
  private static final Map<String, Class<?>> PAGES = new TreeMap<>(Map.ofEntries(
      Map.entry("daily", DailyView.class), Map.entry("items", ReadingPages.Items.class), Map.entry("search", SearchView.class),
      Map.entry("paper", PaperView.class), Map.entry("trending", ReadingPages.TrendingView.class),
      Map.entry("author", AuthorPages.AuthorView.class), Map.entry("collection", CollectionPages.CollectionView.class),
      Map.entry("collections", CollectionPages.IndexView.class), Map.entry("library", LibraryPages.LibraryView.class),
      Map.entry("recommended", LibraryPages.RecommendedView.class), Map.entry("submit", LibraryPages.SubmitView.class),
      Map.entry("account", AccountPages.AccountView.class), Map.entry("login", AccountPages.FormView.class),
      Map.entry("signup", AccountPages.FormView.class), Map.entry("notice", NoticeView.class),
      Map.entry("subscriptions", SubscriptionPages.SubscribeView.class),
      Map.entry("subscriptions-manage", SubscriptionPages.ManageView.class), Map.entry("library-import", ExportRoutes.ImportView.class),
      Map.entry("error", ErrorView.class), Map.entry("person", IdentityPages.PersonView.class),
      Map.entry("citation-list", CitationPages.ListView.class), Map.entry("citation-map", MapView.class),
      Map.entry("moderation", ModerationPages.QueueView.class), Map.entry("moderation-log", ModerationPages.LogView.class)));

  /** Stands for a value whose keys are not known to the compiler (a map): anything may be asked of it. */
  private static final Type ANY = Object.class;

  /** A section over a string, a flag or a number: it opens no scope of its own, lookups go on outwards. */
  private static final Type TRANSPARENT = Void.class;

  /** A tag: {@code {{name}}}, {@code {{{name}}}}, or one of {@code # ^ / > !} before the name. */
  private static final Pattern TAG = Pattern.compile("\\{\\{(\\{?)([#^/>!]?)\\s*([^}]+?)\\s*\\}?\\}\\}");

  @Test
  void every_key_of_every_page_template_is_in_its_view_or_the_frame() {
    List<String> unknown = new ArrayList<>();
    PAGES.forEach((name, view) -> {
      Deque<Type> scopes = new ArrayDeque<>();
      scopes.push(Templates.Frame.class);
      scopes.push(view);
      check(name, text(name), scopes, unknown);
    });
    assertThat(unknown).isEmpty();
  }

  @Test
  void a_misspelt_key_is_caught() {
    List<String> unknown = new ArrayList<>();
    Deque<Type> scopes = new ArrayDeque<>(List.of(NoticeView.class, Templates.Frame.class));
    check("test", "{{title}} {{#action}}{{buton}}{{/action}} {{#nav.daily}}x{{/nav.daily}} {{nav.dialy}} {{{titel}}}", scopes, unknown);
    assertThat(unknown).containsExactly("test: buton", "test: nav.dialy", "test: titel");
  }

  /** Checks {@code template}'s keys against {@code scopes} (innermost first), partials where they are included. */
  private static void check(String name, String template, Deque<Type> scopes, List<String> unknown) {
    Matcher m = TAG.matcher(template);
    while (m.find()) {
      String kind = m.group(2);
      String key = m.group(3);
      switch (kind) {
        case "!" -> { }
        case ">" -> check(key, text(key), scopes, unknown);
        case "/" -> scopes.pop();
        default -> {
          Optional<Type> type = resolve(key, scopes);
          if (type.isEmpty()) {
            unknown.add(name + ": " + key);
          }
          if (kind.equals("#")) {
            scopes.push(type.map(TemplateKeysTest::element).orElse(ANY));
          } else if (kind.equals("^")) {
            scopes.push(TRANSPARENT);
          }
        }
      }
    }
  }

  /** The type {@code key} has in the innermost scope that knows it, as jmustache looks it up ({@code a.b}: b of a). */
  private static Optional<Type> resolve(String key, Deque<Type> scopes) {
    if (key.equals(".") || key.startsWith("-")) {
      return Optional.of(ANY);
    }
    String[] parts = key.split("\\.");
    for (Type scope : scopes) {
      if (scope == ANY) {
        return Optional.of(ANY);
      }
      Optional<Type> first = member(scope, parts[0]);
      if (first.isPresent()) {
        Type t = first.get();
        for (int i = 1; i < parts.length; i++) {
          Optional<Type> next = t == ANY ? Optional.of(ANY) : member(t, parts[i]);
          if (next.isEmpty()) {
            return Optional.empty();
          }
          t = next.get();
        }
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** What a section over a value of this type looks into: a list's elements, a record itself, else the same scope. */
  private static Type element(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c && Collection.class.isAssignableFrom(c)) {
      return element(p.getActualTypeArguments()[0]);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c && Map.class.isAssignableFrom(c)) {
      return ANY;
    }
    if (type instanceof Class<?> c && Map.class.isAssignableFrom(c) || type == Object.class) {
      return ANY;
    }
    return type instanceof Class<?> c && c.isRecord() ? c : TRANSPARENT;
  }

  /** A no-argument public method named {@code key}, {@code getKey} or {@code isKey}: what jmustache reads. */
  private static Optional<Type> member(Type scope, String key) {
    if (!(scope instanceof Class<?> c) || !c.isRecord()) {
      return Optional.empty();
    }
    String cap = Character.toUpperCase(key.charAt(0)) + key.substring(1);
    for (Method m : c.getMethods()) {
      if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class
          && (m.getName().equals(key) || m.getName().equals("get" + cap) || m.getName().equals("is" + cap))) {
        return Optional.of(m.getGenericReturnType());
      }
    }
    return Optional.empty();
  }

  private static String text(String name) {
    try (InputStream in = TemplateKeysTest.class.getResourceAsStream("/web/templates/" + name + ".mustache")) {
      if (in == null) {
        throw new IOException("no template " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
