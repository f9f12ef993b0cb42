package org.paperlens.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkedTextTest {

  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';

  @Test
  void tagged_text_becomes_the_text_as_written_with_its_marked_ranges() {
    MarkedText m = MarkedText.fromTagged("an " + OPEN + "encoder" + CLOSE + "/" + OPEN + "decoder" + CLOSE + "'s view", OPEN, CLOSE);
    assertThat(m.text()).isEqualTo("an encoder/decoder's view");
    assertThat(m.marks()).containsExactly(new MarkedText.Mark(3, 10), new MarkedText.Mark(11, 18));
    assertThat(m.marked()).containsExactly("encoder", "decoder");
  }

  @Test
  void rendering_escapes_every_piece_and_writes_the_marks_as_given() {
    MarkedText m = MarkedText.fromTagged("<b>" + OPEN + "Q&A" + CLOSE + "</b>", OPEN, CLOSE);
    assertThat(m.render(s -> s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), "<mark>", "</mark>"))
        .isEqualTo("&lt;b&gt;<mark>Q&amp;A</mark>&lt;/b&gt;");
    assertThat(m.render(s -> s, "[", "]")).isEqualTo("<b>[Q&A]</b>");
  }

  @Test
  void stray_tags_are_dropped_and_an_open_mark_ends_with_the_text() {
    assertThat(MarkedText.fromTagged("a" + CLOSE + "b" + OPEN + "c" + OPEN + "d", OPEN, CLOSE))
        .isEqualTo(new MarkedText("abcd", List.of(new MarkedText.Mark(2, 4))));
    assertThat(MarkedText.fromTagged(OPEN + "" + CLOSE + "x", OPEN, CLOSE)).isEqualTo(MarkedText.plain("x"));
    assertThat(MarkedText.fromTagged(null, OPEN, CLOSE)).isEqualTo(MarkedText.EMPTY);
  }

  @Test
  void marks_out_of_order_or_outside_the_text_are_refused() {
    assertThatThrownBy(() -> new MarkedText("abc", List.of(new MarkedText.Mark(1, 2), new MarkedText.Mark(0, 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MarkedText("abc", List.of(new MarkedText.Mark(2, 4)))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MarkedText.Mark(2, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
