package dev.arbiter.app.moderation;

import java.time.Duration;

/** The queue's age filter: items first flagged at least this long ago. */
public enum AgeFilter {
  ANY("Any age", null),
  HOUR("Older than 1 hour", Duration.ofHours(1)),
  DAY("Older than 1 day", Duration.ofDays(1)),
  WEEK("Older than 7 days", Duration.ofDays(7));

  private final String label;
  private final Duration minAge;

  AgeFilter(String label, Duration minAge) {
    this.label = label;
    this.minAge = minAge;
  }

  public Duration minAge() {
    return minAge;
  }

  @Override
  public String toString() {
    return label;
  }
}
