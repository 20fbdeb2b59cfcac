package dev.arbiter.app.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The one way the console writes a moment: in the staff member's locale and zone, a date with its
 * time ("13 Jun 2026, 18:27"), or only the time when the day is obvious (a claim that lapses within
 * minutes, a figure checked a moment ago). Audit rows keep their own exact stamps, and typed input
 * its own pattern: both are read back, not just read.
 */
public final class DateTimes {

  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter time;
  private final DateTimeFormatter timeWithSeconds;

  public DateTimes(Locale locale, ZoneId zone) {
    this.dateTime =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone);
    this.time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
    this.timeWithSeconds =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
  }

  /** The date and time, e.g. {@code Jun 13, 2026, 6:27 PM}; empty for no moment. */
  public String dateTime(Instant at) {
    return at == null ? "" : dateTime.format(at);
  }

  /** Only the time of day, e.g. {@code 6:27 PM}. */
  public String time(Instant at) {
    return at == null ? "" : time.format(at);
  }

  /** The time of day to the second, for figures that are re-read every few seconds. */
  public String timeWithSeconds(Instant at) {
    return at == null ? "" : timeWithSeconds.format(at);
  }

  /**
   * How long ago, compactly ("5m", "3h", "2d"), for narrow columns that have the full moment one
   * click away. A moment in the future reads as "0m".
   */
  public static String age(Instant at, Instant now) {
    if (at == null) {
      return "";
    }
    Duration age = Duration.between(at, now);
    if (age.toMinutes() < 60) {
      return Math.max(0, age.toMinutes()) + "m";
    }
    return age.toHours() < 48 ? age.toHours() + "h" : age.toDays() + "d";
  }
}
