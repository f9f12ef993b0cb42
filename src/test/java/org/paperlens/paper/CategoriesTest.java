package org.paperlens.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoriesTest {

  @Test
  void msc_and_acm_codes_mixed_into_categories_are_kept_apart_from_them() {
    Paper p = Paper.builder(new PaperId("2503.11954"))
        .categories(List.of("eess.IV", "cs.AI", "math.IT", "94A29,", "68P30", "I.4.2;", "E.4;", "q-bio.NC", "hep-th"))
        .build();
    assertThat(p.categories()).containsExactly("eess.IV", "cs.AI", "math.IT", "q-bio.NC", "hep-th");
    assertThat(p.classes()).containsExactly("94A29", "68P30", "I.4.2", "E.4");
    assertThat(p.primaryCategory()).isEqualTo("eess.IV");
  }

  @Test
  void a_space_separated_category_string_is_split() {
    Paper p = Paper.builder(new PaperId("1412.8323")).categories(List.of("quant-ph gr-qc math-ph math.MP")).build();
    assertThat(p.categories()).containsExactly("quant-ph", "gr-qc", "math-ph", "math.MP");
  }
}
