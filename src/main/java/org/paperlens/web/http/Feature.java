package org.paperlens.web.http;

/** One feature of the web app (a group of pages, an API resource): it registers its own routes. */
@FunctionalInterface
public interface Feature {
  void register(Routes routes);
}
