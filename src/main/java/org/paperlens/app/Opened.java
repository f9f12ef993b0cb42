package org.paperlens.app;

import java.util.ArrayList;
import java.util.List;

/** What a root has opened, closed in reverse order; every close is tried, and the first failure is thrown. */
final class Opened implements AutoCloseable {

  private final List<AutoCloseable> resources = new ArrayList<>();

  synchronized <T extends AutoCloseable> T add(T resource) {
    resources.add(resource);
    return resource;
  }

  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
      }
    }
    resources.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
