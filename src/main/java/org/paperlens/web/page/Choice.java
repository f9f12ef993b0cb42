package org.paperlens.web.page;

/**
 * Which of a few fixed options a page shows as chosen: the templates ask {@code {{#view.week}}},
 * {@code {{#mode.hybrid}}}, {@code {{#kind.author}}}, and only the chosen one is true.
 */
public record Choice(String value) {

  public boolean day() {
    return is("day");
  }

  public boolean week() {
    return is("week");
  }

  public boolean month() {
    return is("month");
  }

  /** Match rules: every word, or any. */
  public boolean all() {
    return is("all");
  }

  public boolean any() {
    return is("any");
  }

  public boolean keyword() {
    return is("keyword");
  }

  public boolean semantic() {
    return is("semantic");
  }

  public boolean hybrid() {
    return is("hybrid");
  }

  public boolean trending() {
    return is("trending");
  }

  public boolean search() {
    return is("search");
  }

  public boolean tag() {
    return is("tag");
  }

  public boolean category() {
    return is("category");
  }

  public boolean author() {
    return is("author");
  }

  public boolean citingPaper() {
    return is("citing-paper");
  }

  public boolean citingLibrary() {
    return is("citing-library");
  }

  public boolean citingTag() {
    return is("citing-tag");
  }

  public boolean citingAuthor() {
    return is("citing-author");
  }

  private boolean is(String option) {
    return option.equals(value);
  }
}
