package dev.arbiter.tools.simulate;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixed-rate ticks spread evenly over the run: tick {@code n} is due {@code n / rate} seconds after
 * the start, and a run of {@code duration} has every tick due strictly before its end. Due times
 * are computed from the start, never by adding up sleeps, so a slow operation delays nothing but
 * itself and the rate does not drift.
 */
public final class Pacing {

  /** The lowest and highest rates the simulator accepts, in operations per second. */
  public static final double MIN_RATE = 0.01;

  public static final double MAX_RATE = 10_000;

  /** A tick this late is skipped rather than run in a burst (the database could not keep up). */
  public static final Duration LATE_LIMIT = Duration.ofSeconds(1);

  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private final double rate;
  private final long durationNanos;

  public Pacing(double rate, Duration duration) {
    if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "the rate must be between %s and %,.0f per second", MIN_RATE, MAX_RATE));
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the duration must be positive");
    }
    this.rate = rate;
    this.durationNanos = duration.toNanos();
  }

  /** Nanoseconds after the start at which tick {@code n} is due. */
  public long dueNanos(long n) {
    return Math.round(n * 1e9 / rate);
  }

  /** Whether tick {@code n} belongs to the run (is due before its end). */
  public boolean within(long n) {
    return dueNanos(n) < durationNanos;
  }

  /** How many ticks the whole run has: {@code ceil(rate * duration)}. */
  public long ticks() {
    long n = (long) Math.floor(rate * durationNanos / 1e9);
    while (within(n)) {
      n++;
    }
    while (n > 0 && !within(n - 1)) {
      n--;
    }
    return n;
  }

  /** Whether a tick that started {@code lateNanos} after it was due should be skipped. */
  public static boolean tooLate(long lateNanos) {
    return lateNanos > LATE_LIMIT.toNanos();
  }

  public double rate() {
    return rate;
  }

  public Duration duration() {
    return Duration.ofNanos(durationNanos);
  }

  /**
   * A connection count that can carry {@code rate}: one per 25 operations a second (an operation
   * takes a few milliseconds, and every audited write queues on the audit chain anyway), at least
   * one and at most eight.
   */
  public static int connectionsFor(double rate) {
    return (int) Math.max(1, Math.min(8, Math.ceil(rate / 25)));
  }

  /**
   * Parses a duration such as {@code 90} (seconds), {@code 30s}, {@code 5m}, {@code 1.5h} or {@code
   * 500ms}.
   *
   * @throws IllegalArgumentException if the text is not such a duration or is not positive
   */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (for example 90, 30s, 5m, 1h)");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    double nanosPerUnit =
        switch (unit) {
          case "ms" -> 1e6;
          case "s" -> 1e9;
          case "m" -> 60e9;
          default -> 3600e9;
        };
    double nanos = amount * nanosPerUnit;
    if (nanos < 1e6) {
      throw new IllegalArgumentException("the duration must be at least a millisecond");
    }
    if (nanos > Duration.ofDays(7).toNanos()) {
      throw new IllegalArgumentException("the duration must be at most 7 days");
    }
    return Duration.ofNanos((long) nanos);
  }
}
