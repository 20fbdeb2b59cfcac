package dev.arbiter.persistence.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the user typed, made safe for LIKE: trimmed, inner whitespace collapsed, lower-cased, cut to
 * {@value #MAX_LENGTH} characters, with LIKE's wildcards escaped so that "50%" or "a_b" mean the
 * text itself. The value is always a bind parameter, so quotes need nothing.
 */
record SearchText(String term) {

  /** Fewer characters find too much to be useful; the field waits for more. */
  static final int MIN_LENGTH = 2;

  static final int MAX_LENGTH = 100;

  /** From three characters a fragment has a trigram of its own, so a substring match is indexed. */
  private static final int SUBSTRING_LENGTH = 3;

  /** The normalised text, or empty when it is too short to search. */
  static Optional<SearchText> of(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String term = typed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (term.length() > MAX_LENGTH) {
      term = term.substring(0, MAX_LENGTH).strip();
    }
    return term.length() < MIN_LENGTH ? Optional.empty() : Optional.of(new SearchText(term));
  }

  /** The text as a reference is stored (upper case), for an exact match on a unique index. */
  String reference() {
    return term.toUpperCase(Locale.ROOT);
  }

  /**
   * The LIKE patterns for a trigram-indexed key, any of which may match. Three characters or more
   * match anywhere, as the dispute queue's search does. Two characters have no trigram of their
   * own, and '%ab%' would make PostgreSQL read the whole index; matched at the start of a word
   * ("ab%" or "% ab%"), they do have one (pg_trgm pads words with spaces), so the index narrows
   * them.
   */
  List<String> patterns() {
    return term.length() >= SUBSTRING_LENGTH
        ? List.of("%" + escaped() + "%")
        : List.of(escaped() + "%", "% " + escaped() + "%");
  }

  /** "Starts with the text", for ranking the candidates an index found. */
  String prefix() {
    return escaped() + "%";
  }

  private String escaped() {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
