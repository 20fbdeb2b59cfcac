package dev.arbiter.persistence.audit;

/**
 * One field of an entry's before/after comparison.
 *
 * @param path the field, nested fields joined by dots ({@code metadata.tier})
 * @param kind how it changed
 * @param before the old value as people read it; empty when there was none
 * @param after the new value as people read it; empty when there is none
 */
public record FieldChange(String path, Kind kind, String before, String after) {

  /** How one field changed. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED,
    UNCHANGED
  }

  public boolean changed() {
    return kind != Kind.UNCHANGED;
  }
}
