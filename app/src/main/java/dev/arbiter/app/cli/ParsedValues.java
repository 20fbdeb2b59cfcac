package dev.arbiter.app.cli;

import dev.arbiter.tools.simulate.Pacing;
import dev.arbiter.tools.simulate.TrafficMix;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for options whose own parser refuses a bad value with a message meant for people (an
 * IllegalArgumentException that says what is allowed): picocli is handed that message, not its own.
 */
final class ParsedValues {

  private ParsedValues() {}

  abstract static class Parsed<T> implements ITypeConverter<T> {
    private final Function<String, T> parser;

    Parsed(Function<String, T> parser) {
      this.parser = parser;
    }

    @Override
    public T convert(String value) {
      try {
        return parser.apply(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads {@code 90}, {@code 30s}, {@code 5m} or {@code 1h}. */
  static final class TimeSpan extends Parsed<Duration> {
    TimeSpan() {
      super(Pacing::parseDuration);
    }
  }

  /** Reads {@code kind=weight,...}. */
  static final class Mix extends Parsed<TrafficMix> {
    Mix() {
      super(TrafficMix::parse);
    }
  }
}
