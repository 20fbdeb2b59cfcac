package dev.arbiter.app.testing;

import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.Waits;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for tests that drive view models on a single-thread executor standing in for the FX thread
 * (no toolkit needed), against the real database.
 */
public final class StandInWaits {

  private StandInWaits() {}

  /** Runs {@code read} on the stand-in thread and returns its answer. */
  public static <T> T on(ExecutorService standIn, Callable<T> read) {
    try {
      return standIn.submit(read).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not run on the fx stand-in", e);
    }
  }

  /** Runs {@code action} on the stand-in thread and waits until it has run. */
  public static void run(ExecutorService standIn, Runnable action) {
    on(
        standIn,
        () -> {
          action.run();
          return null;
        });
  }

  /**
   * Waits until {@code condition} holds. {@code limit} is how soon it must in the timing run; in
   * {@code mvn verify} it is at least {@link Latency#target thirty seconds}, as a loaded machine
   * may need, and a test that passes waits no longer for it.
   */
  public static void waitFor(Callable<Boolean> condition, Duration limit) {
    try {
      Waits.atMost(Latency.target(limit)).until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  public static Duration secs(int s) {
    return Duration.ofSeconds(s);
  }
}
