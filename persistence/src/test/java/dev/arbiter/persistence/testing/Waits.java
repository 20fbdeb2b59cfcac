package dev.arbiter.persistence.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way tests wait: on a condition, through Awaitility, never for a fixed time. The limit is
 * how long the condition may take before the test fails, not how long the test waits; it should be
 * generous, because a loaded build machine is slow, and a test that passes waits no longer for it.
 */
public final class Waits {

  private static final Duration POLL = Duration.ofMillis(20);

  private Waits() {}

  /**
   * A wait of at most {@code limit}, checking at once and then every 20 ms on the calling thread
   * (conditions often read state that is the test thread's own), failing on the condition's first
   * exception.
   */
  public static ConditionFactory atMost(Duration limit) {
    return Awaitility.await()
        .atMost(limit)
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(POLL);
  }
}
