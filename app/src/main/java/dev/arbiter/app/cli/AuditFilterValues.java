package dev.arbiter.app.cli;

import dev.arbiter.persistence.audit.AuditActorRole;
import dev.arbiter.persistence.audit.AuditQueryService;
import dev.arbiter.persistence.audit.ExportFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for the audit filter options. A filter value that cannot match anything (an action the
 * log never records, a role that does not exist) is refused instead of exporting nothing and
 * exiting 0 as if all were well.
 */
final class AuditFilterValues {

  // Audited tables and the note kinds (staff_role, ...) are all lowercase SQL identifiers.
  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

  private AuditFilterValues() {}

  /** {@code --action}: one of the actions an entry records. */
  static final class Action implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String action = value.strip().toLowerCase(Locale.ROOT);
      if (!AuditQueryService.ACTIONS.contains(action)) {
        throw new TypeConversionException(
            "'" + value + "' is not an action: " + UsageErrors.orList(AuditQueryService.ACTIONS));
      }
      return action;
    }
  }

  /** {@code --role}: a group role, by title or name. */
  static final class Role implements ITypeConverter<AuditActorRole> {
    @Override
    public AuditActorRole convert(String value) {
      String wanted = value.strip();
      for (AuditActorRole role : AuditActorRole.values()) {
        if (role.title().equalsIgnoreCase(wanted) || role.name().equalsIgnoreCase(wanted)) {
          return role;
        }
      }
      List<String> titles =
          Arrays.stream(AuditActorRole.values())
              .map(r -> r.title().toLowerCase(Locale.ROOT))
              .toList();
      throw new TypeConversionException(
          "'" + value + "' is not a role: " + UsageErrors.orList(titles));
    }
  }

  /** {@code --format}. */
  static final class Format implements ITypeConverter<ExportFormat> {
    @Override
    public ExportFormat convert(String value) {
      try {
        return ExportFormat.parse(value.strip());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a format: csv or jsonl");
      }
    }
  }

  /** {@code --entity-type}: a table name (or a note kind such as staff_role). */
  static final class EntityType implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String table = value.strip().toLowerCase(Locale.ROOT);
      if (!TABLE.matcher(table).matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a table name (letters, digits and _, such as disputes)");
      }
      return table;
    }
  }

  /** {@code --entity}: an id of 1 or more, a reference, or a staff login for staff notes. */
  static final class Entity implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String entity = value.strip();
      if (WHOLE_NUMBER.matcher(entity).matches()) {
        try {
          // Stored ids have no sign or leading zeros: 007 is entity 7.
          return String.valueOf(WholeNumbers.parse(entity, 1, Long.MAX_VALUE));
        } catch (TypeConversionException e) {
          throw refused(value);
        }
      }
      if (entity.isEmpty() || entity.chars().anyMatch(Character::isISOControl)) {
        throw refused(value);
      }
      return entity;
    }

    private static TypeConversionException refused(String value) {
      return new TypeConversionException(
          "'"
              + value
              + "' is not an entity: an id of 1 or more, a dispute reference (DSP-000123),"
              + " a contract reference (CTR-0042) or a staff login");
    }
  }

  /** Free text ({@code --actor}, {@code --text}, {@code --login}) that must say something. */
  static final class Text implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
        throw new TypeConversionException(
            "'" + value + "' is empty or holds control characters; give some text");
      }
      return value;
    }
  }
}
