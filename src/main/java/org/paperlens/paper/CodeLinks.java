package org.paperlens.paper;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code and project links a paper's authors put in its abstract or comment ("Code:
 * github.com/a/b", "Project page: https://a.github.io/b"), like Papers with Code's repository
 * links. The one place that decides what counts as code: the catalogue's {@code has_code} column,
 * the index's code field and the pages all ask here. Pure and cheap (one regex pass).
 */
public final class CodeLinks {

  /** What a link leads to. Repositories and model hubs count as code; a project page does not. */
  public enum Kind {
    REPOSITORY("Code"), MODEL_HUB("Hugging Face"), PROJECT_PAGE("Project page");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** One link, normalised ({@code https://github.com/owner/repo}). */
  public record Link(String url, Kind kind, String host) {}

  /** A URL with or without a scheme; TeX line breaks and stray braces end it as whitespace does. */
  private static final Pattern URL = Pattern.compile(
      "(?i)\\b(?:https?://)?(?:www\\.)?((?:[a-z0-9-]+\\.)+[a-z]{2,})(/[^\\s<>\"'{}|\\\\^`\\]]*)?");
  private static final Pattern PROJECT_WORDS = Pattern.compile(
      "(?i)(project|home|web) ?(page|site)|website|demo|available at|see|code|data\\w*|:\\s*$");
  private static final Map<String, Kind> HOSTS = Map.of(
      "github.com", Kind.REPOSITORY, "gitlab.com", Kind.REPOSITORY, "bitbucket.org", Kind.REPOSITORY,
      "codeberg.org", Kind.REPOSITORY, "sr.ht", Kind.REPOSITORY, "git.sr.ht", Kind.REPOSITORY,
      "huggingface.co", Kind.MODEL_HUB, "hf.co", Kind.MODEL_HUB);
  /** At most this many links per paper: a list of dataset URLs is not a row of buttons. */
  static final int MAX_LINKS = 5;

  private CodeLinks() {}

  /** The paper's code and project links, repositories first, each once. */
  public static List<Link> of(Paper paper) {
    return of(paper.abstractText(), paper.comment());
  }

  /** Whether the paper links a code repository or a model hub. */
  public static boolean hasCode(Paper paper) {
    return hasCode(paper.abstractText(), paper.comment());
  }

  /** The paper's first code link (a repository, else a model hub): what a list's Code chip opens. */
  public static java.util.Optional<String> codeUrl(Paper paper) {
    return of(paper).stream().filter(l -> l.kind() != Kind.PROJECT_PAGE).map(Link::url).findFirst();
  }

  /** Whether an abstract and comment link a code repository or a model hub. */
  public static boolean hasCode(String abstractText, String comment) {
    return of(abstractText, comment).stream().anyMatch(l -> l.kind() != Kind.PROJECT_PAGE);
  }

  static List<Link> of(String... texts) {
    Map<String, Link> found = new LinkedHashMap<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      Matcher m = URL.matcher(text);
      while (m.find()) {
        String host = m.group(1).toLowerCase(Locale.ROOT);
        String path = trimEnd(m.group(2) == null ? "" : m.group(2));
        boolean schemed = m.group().regionMatches(true, 0, "http", 0, 4);
        Link link = classify(host, path, schemed, text.substring(Math.max(0, m.start() - 30), m.start()));
        if (link != null) {
          found.putIfAbsent(link.url().toLowerCase(Locale.ROOT), link);
        }
      }
    }
    List<Link> out = new ArrayList<>(found.values());
    out.sort(java.util.Comparator.comparing(Link::kind));
    return out.size() > MAX_LINKS ? List.copyOf(out.subList(0, MAX_LINKS)) : List.copyOf(out);
  }

  private static Link classify(String host, String path, boolean schemed, String before) {
    Kind kind = HOSTS.get(host);
    String[] parts = path.split("/");
    if (kind == Kind.REPOSITORY) {
      // github.com/owner/repo: the repository, whatever file or tree the link points into.
      if (parts.length < 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
        return null;
      }
      String repo = parts[2].endsWith(".git") ? parts[2].substring(0, parts[2].length() - 4) : parts[2];
      return link("https://" + host + "/" + parts[1] + "/" + repo, kind, host);
    }
    if (kind == Kind.MODEL_HUB) {
      return parts.length < 2 || parts[1].isEmpty() ? null : link("https://" + host + path, kind, host);
    }
    // Any other address is a project page only when its authors say so, or it is hosted on
    // github.io / gitlab.io: an abstract also cites DOIs, arXiv and data portals.
    boolean pages = host.endsWith(".github.io") || host.endsWith(".gitlab.io");
    if (!pages && !(schemed && PROJECT_WORDS.matcher(before).find()) || host.endsWith("arxiv.org") || host.endsWith("doi.org")) {
      return null;
    }
    return link("https://" + host + path, Kind.PROJECT_PAGE, host);
  }

  private static Link link(String url, Kind kind, String host) {
    try {
      URI.create(url);
    } catch (IllegalArgumentException e) {
      return null; // not a well-formed address after all: no button that leads nowhere
    }
    return new Link(url, kind, host);
  }

  /** Drops what ends a sentence or a parenthesis rather than the URL. */
  private static String trimEnd(String path) {
    int end = path.length();
    while (end > 0 && ".,;:!?)'\"".indexOf(path.charAt(end - 1)) >= 0) {
      end--;
    }
    return path.substring(0, end);
  }
}
