package dev.arbiter.model.common;

import jakarta.persistence.AttributeConverter;

/**
 * Maps a {@link DatabaseValue} enum to its lower-case column spelling. Each enum nests a concrete
 * subclass named {@code Converter} that entities name in {@code @Convert}; none is applied
 * automatically, so every mapped enum column says how it is stored.
 */
public abstract class DatabaseValueConverter<E extends Enum<E> & DatabaseValue>
    implements AttributeConverter<E, String> {

  private final Class<E> type;

  protected DatabaseValueConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public String convertToDatabaseColumn(E attribute) {
    return attribute == null ? null : attribute.dbValue();
  }

  @Override
  public E convertToEntityAttribute(String dbData) {
    return dbData == null ? null : DatabaseValue.fromDb(type, dbData);
  }
}
