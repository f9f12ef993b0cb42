package org.paperlens.citation.graph;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.paperlens.paper.PaperId;

/**
 * A citation graph held in memory as two compressed adjacency lists (references and citers of
 * each paper, as int arrays), so memory grows with the edges, never with papers squared: a
 * million edges take about 8 MB besides the ids. Immutable and thread-safe once built.
 *
 * <p>Duplicate edges and self-citations are dropped on building: a paper citing itself says
 * nothing about what it is related to, and a duplicate would count one citer twice.
 */
public final class CitationGraph {

  /** The graph of no edges: what a catalogue without citation data has. */
  public static final CitationGraph EMPTY = of(java.util.List.of());

  private final PaperId[] ids;
  private final Map<PaperId, Integer> index;
  private final int[] refStart;
  private final int[] refs;
  private final int[] citerStart;
  private final int[] citers;

  private CitationGraph(PaperId[] ids, Map<PaperId, Integer> index, int[] refStart, int[] refs, int[] citerStart,
      int[] citers) {
    this.ids = ids;
    this.index = index;
    this.refStart = refStart;
    this.refs = refs;
    this.citerStart = citerStart;
    this.citers = citers;
  }

  /** Builds the graph of {@code edges} (in any order; duplicates and self-citations ignored). */
  public static CitationGraph of(Collection<CitationEdge> edges) {
    Builder b = new Builder();
    edges.forEach(b);
    return b.build();
  }

  /**
   * Takes edges one at a time ({@code CitationStore.forEachEdge} streams them), so the store's rows
   * never sit in memory as a list: what is held while building is two int arrays of the edges and
   * the id table. Not thread-safe; one build per builder.
   */
  public static final class Builder implements Consumer<CitationEdge> {
    private final Map<PaperId, Integer> index = new HashMap<>();
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private int n;

    @Override
    public void accept(CitationEdge e) {
      if (e.isSelfCitation()) {
        return;
      }
      if (n == from.length) {
        from = Arrays.copyOf(from, n * 2);
        to = Arrays.copyOf(to, n * 2);
      }
      from[n] = index.computeIfAbsent(e.citing(), k -> index.size());
      to[n] = index.computeIfAbsent(e.cited(), k -> index.size());
      n++;
    }

    public CitationGraph build() {
      PaperId[] ids = new PaperId[index.size()];
      index.forEach((id, i) -> ids[i] = id);
      int[] refStart = new int[ids.length + 1];
      int[] refs = new int[n];
      fill(from, to, n, refStart, refs);
      from = null;
      to = null;
      refs = dropDuplicates(refStart, refs);
      // Citers from the references: walking citing papers in order leaves every citer list sorted.
      int[] citerStart = new int[ids.length + 1];
      for (int r : refs) {
        citerStart[r + 1]++;
      }
      for (int i = 0; i < ids.length; i++) {
        citerStart[i + 1] += citerStart[i];
      }
      int[] citers = new int[refs.length];
      int[] next = Arrays.copyOf(citerStart, ids.length);
      for (int p = 0; p < ids.length; p++) {
        for (int j = refStart[p]; j < refStart[p + 1]; j++) {
          citers[next[refs[j]]++] = p;
        }
      }
      return new CitationGraph(ids, Map.copyOf(index), refStart, refs, citerStart, citers);
    }
  }

  /** Counting sort of the n pairs (key, value) into CSR form, each list sorted: values of key i at start[i]..start[i+1]. */
  private static void fill(int[] key, int[] value, int n, int[] start, int[] out) {
    for (int i = 0; i < n; i++) {
      start[key[i] + 1]++;
    }
    for (int i = 0; i < start.length - 1; i++) {
      start[i + 1] += start[i];
    }
    int[] next = Arrays.copyOf(start, start.length - 1);
    for (int i = 0; i < n; i++) {
      out[next[key[i]]++] = value[i];
    }
    for (int i = 0; i < start.length - 1; i++) {
      Arrays.sort(out, start[i], start[i + 1]); // a fixed order makes every ranking reproducible
    }
  }

  /** Removes repeats from each sorted list in place (moving {@code start}), returning the compacted values. */
  private static int[] dropDuplicates(int[] start, int[] values) {
    int w = 0;
    int from = 0;
    for (int i = 0; i < start.length - 1; i++) {
      int end = start[i + 1];
      start[i] = w;
      for (int j = from; j < end; j++) {
        if (j == from || values[j] != values[j - 1]) {
          values[w++] = values[j];
        }
      }
      from = end;
    }
    start[start.length - 1] = w;
    return w == values.length ? values : Arrays.copyOf(values, w);
  }

  /** How many papers appear in an edge. */
  public int papers() {
    return ids.length;
  }

  /** How many distinct edges the graph holds. */
  public int edges() {
    return refs.length;
  }

  public boolean contains(PaperId id) {
    return index.containsKey(id);
  }

  /** The papers {@code id} cites or is cited by, in no particular order; empty for an unknown paper. */
  public Set<PaperId> linked(PaperId id) {
    OptionalInt p = node(id);
    if (p.isEmpty()) {
      return Set.of();
    }
    Set<PaperId> out = new LinkedHashSet<>();
    int i = p.getAsInt();
    for (int j = refStart[i]; j < refStart[i + 1]; j++) {
      out.add(ids[refs[j]]);
    }
    for (int j = citerStart[i]; j < citerStart[i + 1]; j++) {
      out.add(ids[citers[j]]);
    }
    return out;
  }

  /** The papers {@code id} cites, in the graph's fixed order; empty for an unknown paper. */
  public java.util.List<PaperId> references(PaperId id) {
    return ids(id, refStart, refs);
  }

  /** The papers citing {@code id}, in the graph's fixed order; empty for an unknown paper. */
  public java.util.List<PaperId> citers(PaperId id) {
    return ids(id, citerStart, citers);
  }

  /** The ids of one paper's row of a CSR adjacency. */
  private java.util.List<PaperId> ids(PaperId id, int[] start, int[] values) {
    OptionalInt p = node(id);
    if (p.isEmpty()) {
      return java.util.List.of();
    }
    int i = p.getAsInt();
    java.util.List<PaperId> out = new java.util.ArrayList<>(start[i + 1] - start[i]);
    for (int j = start[i]; j < start[i + 1]; j++) {
      out.add(ids[values[j]]);
    }
    return out;
  }

  /** How many papers in the graph cite {@code id} (0 for an unknown paper). */
  public int citedBy(PaperId id) {
    OptionalInt p = node(id);
    return p.isEmpty() ? 0 : citerCount(p.getAsInt());
  }

  /** Whether {@code citing} lists {@code cited} among its references (a binary search: each list is sorted). */
  public boolean cites(PaperId citing, PaperId cited) {
    OptionalInt a = node(citing);
    OptionalInt b = node(cited);
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    int i = a.getAsInt();
    return Arrays.binarySearch(refs, refStart[i], refStart[i + 1], b.getAsInt()) >= 0;
  }

  OptionalInt node(PaperId id) {
    Integer i = index.get(id);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  PaperId id(int node) {
    return ids[node];
  }

  int referenceCount(int node) {
    return refStart[node + 1] - refStart[node];
  }

  int citerCount(int node) {
    return citerStart[node + 1] - citerStart[node];
  }

  int reference(int node, int i) {
    return refs[refStart[node] + i];
  }

  int citer(int node, int i) {
    return citers[citerStart[node] + i];
  }
}
