package org.paperlens.citation.graph;

import java.util.Arrays;

/**
 * The evidence one query finds, per paper reached: how many shared papers and their summed
 * weights, for each of the three relations. Primitive arrays with open addressing on node
 * numbers, because a query on a large graph credits a hundred thousand papers or more, and a
 * boxed map of objects made that the query's whole cost. Not thread-safe: one per query.
 */
final class Tally {

  static final int RELATIONS = 3;

  private int[] table; // node + 1 at its hash position, 0 for free
  private int[] slotAt; // the slot of the node at that position
  private int mask;
  private int size;
  private int[] nodes;
  private int[] counts;
  private double[] sums;

  Tally(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    table = new int[capacity];
    slotAt = new int[capacity];
    mask = capacity - 1;
    nodes = new int[Math.max(8, expected)];
    counts = new int[nodes.length * RELATIONS];
    sums = new double[nodes.length * RELATIONS];
  }

  void add(int node, int relation, double weight) {
    int slot = slotOf(node);
    counts[slot * RELATIONS + relation]++;
    sums[slot * RELATIONS + relation] += weight;
  }

  int size() {
    return size;
  }

  int node(int slot) {
    return nodes[slot];
  }

  int count(int slot, int relation) {
    return counts[slot * RELATIONS + relation];
  }

  double sum(int slot, int relation) {
    return sums[slot * RELATIONS + relation];
  }

  private int slotOf(int node) {
    int h = mix(node) & mask;
    while (true) {
      int k = table[h];
      if (k == node + 1) {
        return slotAt[h];
      }
      if (k == 0) {
        break;
      }
      h = (h + 1) & mask;
    }
    if (size == nodes.length) {
      nodes = Arrays.copyOf(nodes, size * 2);
      counts = Arrays.copyOf(counts, nodes.length * RELATIONS);
      sums = Arrays.copyOf(sums, nodes.length * RELATIONS);
    }
    int slot = size++;
    nodes[slot] = node;
    table[h] = node + 1;
    slotAt[h] = slot;
    if (size * 2 > table.length) {
      grow();
    }
    return slot;
  }

  private void grow() {
    int capacity = table.length * 2;
    table = new int[capacity];
    slotAt = new int[capacity];
    mask = capacity - 1;
    for (int slot = 0; slot < size; slot++) {
      int h = mix(nodes[slot]) & mask;
      while (table[h] != 0) {
        h = (h + 1) & mask;
      }
      table[h] = nodes[slot] + 1;
      slotAt[h] = slot;
    }
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
