package dev.arbiter.persistence.testing;

import java.time.Duration;

/**
 * How soon something must happen, in a test that also measures it. The design's targets (a commit
 * shows within a second, an outage within five) are held in the timing run ({@code mvn verify
 * -Ptiming}, on a quiet machine); in {@code mvn verify}, which runs on loaded two-core machines,
 * the same test asserts that it happens at all, through the same path, within a generous limit.
 */
public final class Latency {

  private static final boolean TIMING_RUN = Boolean.getBoolean("arbiter.timing");
  private static final Duration AT_ALL = Duration.ofSeconds(30);

  private Latency() {}

  /** {@code target} in the timing run, otherwise the larger of it and thirty seconds. */
  public static Duration target(Duration target) {
    return TIMING_RUN || target.compareTo(AT_ALL) > 0 ? target : AT_ALL;
  }

  /** Whether this is the timing run, where wall-clock targets are asserted. */
  public static boolean timingRun() {
    return TIMING_RUN;
  }
}
