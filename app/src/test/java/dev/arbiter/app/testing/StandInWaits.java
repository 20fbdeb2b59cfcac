package dev.arbiter.app.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

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

  /** Polls {@code condition} until it holds, failing once {@code limit} has passed. */
  public static void waitFor(Callable<Boolean> condition, Duration limit) {
    long end = System.nanoTime() + limit.toNanos();
    try {
      while (System.nanoTime() < end) {
        if (condition.call()) {
          return;
        }
        Thread.sleep(20);
      }
      if (condition.call()) {
        return;
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("condition not met within " + limit);
  }

  public static Duration secs(int s) {
    return Duration.ofSeconds(s);
  }
}
