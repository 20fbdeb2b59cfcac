package dev.arbiter.persistence.moderation;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.moderation.FlaggedEntityType;
import java.util.Objects;

/** A flagged item: every flag with the same entity type and id is one unit of moderation work. */
public record ItemKey(FlaggedEntityType type, long id) {

  public ItemKey {
    Objects.requireNonNull(type, "type");
  }

  /** The key of the row spelled {@code type} in the database. */
  public static ItemKey of(String type, long id) {
    return new ItemKey(DatabaseValue.fromDb(FlaggedEntityType.class, type), id);
  }

  /** A short label such as {@code dispute_message 42}. */
  public String label() {
    return type.dbValue() + " " + id;
  }
}
