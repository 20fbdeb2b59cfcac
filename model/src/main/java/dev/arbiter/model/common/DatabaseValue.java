package dev.arbiter.model.common;

import java.util.Locale;

/**
 * An enum stored in a {@code text} column whose CHECK lists the allowed values. The database
 * spelling is the constant's name in lower case ({@code UNDER_REVIEW} is {@code under_review}).
 */
public interface DatabaseValue {

  /** Supplied by every enum; declared so the default method below can use it. */
  String name();

  /** The spelling stored in the database. */
  default String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant of {@code type} spelled {@code value} in the database.
   *
   * @throws IllegalArgumentException if no constant has that spelling
   */
  static <E extends Enum<E> & DatabaseValue> E fromDb(Class<E> type, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.dbValue().equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "'" + value + "' is not a known " + type.getSimpleName() + " value");
  }
}
