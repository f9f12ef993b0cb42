package org.paperlens.citation;

import java.util.List;

/**
 * A work's references or citations as a source gave them, or that it gave none. The difference
 * matters to whoever stores them: an empty list says "cites nothing", {@link NotGiven} says "ask
 * again or keep what you had" (OpenAlex lists no citers in a work; Semantic Scholar may send null).
 */
public sealed interface Edges {

  record Listed(List<LinkedWork> works) implements Edges {
    public Listed {
      works = List.copyOf(works);
    }
  }

  record NotGiven() implements Edges {}

  Edges NOT_GIVEN = new NotGiven();

  /** The listed works, or none when not given. */
  default List<LinkedWork> listed() {
    return switch (this) {
      case Listed l -> l.works();
      case NotGiven n -> List.of();
    };
  }
}
