package dev.arbiter.app.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One end of a time range as typed: a date (a whole UTC day) or an ISO instant. A date means its
 * first moment as a start and the day after as an end, so {@code --from 2025-03-01 --to 2025-03-01}
 * is that one day.
 */
record TimeBound(String text, LocalDate day, Instant instant) {

  /** At or after this. */
  Instant start() {
    return day == null ? instant : day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Before this. */
  Instant end() {
    return day == null ? instant : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  static TimeBound parse(String text) {
    String value = text.strip();
    try {
      if (value.length() == 10) {
        return new TimeBound(value, LocalDate.parse(value), null);
      }
      return new TimeBound(value, null, Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + text + "' is not a date (2025-03-01) or an ISO instant (2025-03-01T10:00:00Z)");
    }
  }

  /** For {@code --from} and {@code --to}. */
  static final class Converter implements ITypeConverter<TimeBound> {
    @Override
    public TimeBound convert(String value) {
      return parse(value);
    }
  }
}
