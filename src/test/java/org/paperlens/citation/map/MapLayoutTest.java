package org.paperlens.citation.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapLayoutTest {

  private static final MapLayout.Box BOX = new MapLayout.Box(880, 560, 6);

  /** Two groups of {@code half} papers, alike within a group ({@code within}) and not across ({@code across}). */
  private static double[][] twoGroups(int half, double within, double across) {
    int n = 2 * half;
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s[i][j] = i == j ? 1 : (i < half) == (j < half) ? within : across;
      }
    }
    return s;
  }

  private static double[] radii(int n, double r) {
    double[] out = new double[n];
    Arrays.fill(out, r);
    return out;
  }

  private static double distance(MapLayout.Point a, MapLayout.Point b) {
    return Math.hypot(a.x() - b.x(), a.y() - b.y());
  }

  @Test
  void the_same_input_is_always_drawn_the_same_way() {
    double[][] s = twoGroups(12, 0.7, 0.05);
    double[] r = radii(24, 9);
    List<MapLayout.Point> first = MapLayout.place(s, r, BOX);
    for (int i = 0; i < 3; i++) {
      assertThat(MapLayout.place(s, r, BOX)).isEqualTo(first);
    }
  }

  @Test
  void alike_papers_lie_closer_together_than_unlike_ones() {
    int half = 10;
    List<MapLayout.Point> at = MapLayout.place(twoGroups(half, 0.8, 0.0), radii(2 * half, 6), BOX);
    double within = 0, across = 0;
    int nw = 0, na = 0;
    for (int i = 0; i < 2 * half; i++) {
      for (int j = i + 1; j < 2 * half; j++) {
        if ((i < half) == (j < half)) {
          within += distance(at.get(i), at.get(j));
          nw++;
        } else {
          across += distance(at.get(i), at.get(j));
          na++;
        }
      }
    }
    assertThat(within / nw).isLessThan(0.5 * (across / na));
  }

  @Test
  void forty_circles_stay_inside_the_box_and_overlap_by_less_than_a_pixel_even_when_all_are_alike() {
    for (double alike : new double[] {1.0, 0.0, 0.5}) {
      double[][] s = new double[40][40];
      for (double[] row : s) {
        Arrays.fill(row, alike);
      }
      double[] r = new double[40];
      for (int i = 0; i < 40; i++) {
        r[i] = 7 + (i * 7) % 20; // 7 to 26 pixels, as CitationMaps draws them
      }
      List<MapLayout.Point> at = MapLayout.place(s, r, BOX);
      assertThat(at).hasSize(40);
      for (int i = 0; i < 40; i++) {
        MapLayout.Point p = at.get(i);
        assertThat(p.x()).as("x of %d", i).isBetween(6 + r[i] - 1e-6, 880 - 6 - r[i] + 1e-6);
        assertThat(p.y()).as("y of %d", i).isBetween(6 + r[i] - 1e-6, 560 - 6 - r[i] + 1e-6);
        for (int j = i + 1; j < 40; j++) {
          assertThat(distance(p, at.get(j))).as("circles %d and %d (similarity %s)", i, j, alike).isGreaterThan(r[i] + r[j] - 1);
        }
      }
    }
  }

  @Test
  void one_circle_sits_in_the_middle_and_none_gives_an_empty_map() {
    assertThat(MapLayout.place(new double[1][1], new double[] {10}, BOX)).containsExactly(new MapLayout.Point(440, 280));
    assertThat(MapLayout.place(new double[0][0], new double[0], BOX)).isEmpty();
  }

  @Test
  void a_similarity_matrix_of_the_wrong_size_and_a_box_without_room_are_refused() {
    assertThatThrownBy(() -> MapLayout.place(new double[2][2], new double[3], BOX)).hasMessageContaining("2 rows of similarity for 3");
    assertThatThrownBy(() -> new MapLayout.Box(10, 10, 5)).hasMessageContaining("no room");
  }
}
