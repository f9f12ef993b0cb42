package org.paperlens.index.solr;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the SolrCloud collection is: {@code --solr http://host:8983/solr/papers}, or several nodes
 * of one cluster separated by commas ({@code http://a:8983/solr/papers,http://b:8983/solr/papers})
 * so that paperlens can start while any one of them is down. Every URL names the same collection.
 *
 * @param nodes base URLs of Solr nodes ({@code http://host:8983/solr}), the cluster state is read from any of them
 * @param collection the collection name
 */
public record SolrTarget(List<String> nodes, String collection) {

  public SolrTarget {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no Solr node URL");
    }
  }

  /**
   * Parses the {@code --solr} value.
   *
   * @throws IllegalArgumentException quoting the bad value
   */
  public static SolrTarget parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--solr is empty; give the collection URL, e.g. http://localhost:8983/solr/papers");
    }
    Set<String> nodes = new LinkedHashSet<>();
    Set<String> collections = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      String url = part.strip().replaceAll("/+$", "");
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw bad(value, "'" + url + "' is not a URL");
      }
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw bad(value, "'" + url + "' is not an http(s) URL");
      }
      int slash = url.lastIndexOf('/');
      String path = uri.getPath() == null ? "" : uri.getPath();
      if (path.chars().filter(c -> c == '/').count() < 2) {
        throw bad(value, "'" + url + "' names no collection (expected http://host:port/solr/COLLECTION)");
      }
      nodes.add(url.substring(0, slash));
      collections.add(url.substring(slash + 1));
    }
    if (collections.size() != 1) {
      throw bad(value, "the URLs name different collections " + collections);
    }
    return new SolrTarget(new ArrayList<>(nodes), collections.iterator().next());
  }

  private static IllegalArgumentException bad(String value, String why) {
    return new IllegalArgumentException("bad --solr '" + value + "': " + why);
  }

  @Override
  public String toString() {
    return String.join(",", nodes) + " collection " + collection;
  }
}
