package dev.arbiter.app.common;

import java.util.Objects;

/**
 * A record to open from outside its area, e.g. a global search result: which kind, its id, and the
 * key people know it by (a reference, slug or login; for a staff account the key is what the area
 * selects by).
 */
public record RecordRef(Type type, long id, String key) {

  /** The kinds of record an area can be asked to open. */
  public enum Type {
    DISPUTE,
    CHECKPOINT,
    WORKSPACE,
    STAFF_ACCOUNT
  }

  public RecordRef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
  }
}
