package dev.arbiter.app.cli;

import dev.arbiter.tools.demo.DemoScale;
import dev.arbiter.tools.simulate.SimulationPlan;
import java.util.function.LongFunction;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for the whole-number options, one per range, so a bad value is refused while the
 * command line is parsed (before any database is touched) with a message that says what is allowed:
 * picocli's own says only "'x' is not an int".
 */
final class WholeNumbers {

  private WholeNumbers() {}

  static long parse(String value, long min, long max) {
    long number;
    try {
      number = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw refused(value, min, max);
    }
    if (number < min || number > max) {
      throw refused(value, min, max);
    }
    return number;
  }

  private static TypeConversionException refused(String value, long min, long max) {
    String allowed =
        min == Long.MIN_VALUE
            ? "a whole number"
            : max == Long.MAX_VALUE
                ? "a whole number of " + min + " or more"
                : "a whole number from " + min + " to " + max;
    return new TypeConversionException("'" + value + "' is not " + allowed);
  }

  /** The numbers from {@code min} to {@code max}, as the option's type ({@code int} or long). */
  abstract static class Range<T> implements ITypeConverter<T> {
    private final long min;
    private final long max;
    private final LongFunction<T> type;

    Range(long min, long max, LongFunction<T> type) {
      this.min = min;
      this.max = max;
      this.type = type;
    }

    @Override
    public T convert(String value) {
      return type.apply(parse(value, min, max));
    }
  }

  abstract static class IntRange extends Range<Integer> {
    IntRange(int min, int max) {
      super(min, max, Math::toIntExact);
    }
  }

  abstract static class LongRange extends Range<Long> {
    LongRange(long min, long max) {
      super(min, max, Long::valueOf);
    }
  }

  /** An audit entry id. */
  static final class EntryId extends LongRange {
    EntryId() {
      super(1, Long.MAX_VALUE);
    }
  }

  /** A seed: any whole number. */
  static final class Seed extends LongRange {
    Seed() {
      super(Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  /** Connections that verify the audit chain at once; each is a server process. */
  static final class VerifyJobs extends IntRange {
    VerifyJobs() {
      super(1, 16);
    }
  }

  /** The demo's volume multiplier, up to what {@link DemoScale} is made for. */
  static final class DemoScaleFactor extends IntRange {
    DemoScaleFactor() {
      super(1, DemoScale.MAX_FACTOR);
    }
  }

  // The largest benchmark makes a million rows per unit of scale; a hundred million rows is far
  // beyond what a throw-away server on a workstation holds, and larger factors overflow its counts.
  static final class BenchScale extends IntRange {
    BenchScale() {
      super(1, 100);
    }
  }

  /** The simulator's database connections. */
  static final class SimulateConnections extends IntRange {
    SimulateConnections() {
      super(1, SimulationPlan.MAX_CONNECTIONS);
    }
  }
}
