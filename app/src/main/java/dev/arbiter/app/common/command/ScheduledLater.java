package dev.arbiter.app.common.command;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link Later} on a scheduled executor: its thread only waits for the time to come, then hands the
 * work to the callback executor ({@code Platform::runLater} in the console).
 */
public final class ScheduledLater implements Later, AutoCloseable {

  private final ScheduledExecutorService timer;
  private final Executor callbacks;

  public ScheduledLater(ScheduledExecutorService timer, Executor callbacks) {
    this.timer = timer;
    this.callbacks = callbacks;
  }

  /** On a daemon timer thread of its own, so a pending delay never keeps the JVM alive. */
  public static ScheduledLater daemon(Executor callbacks) {
    return new ScheduledLater(
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "arbiter-later");
              thread.setDaemon(true);
              return thread;
            }),
        callbacks);
  }

  @Override
  public void after(Duration delay, Runnable onCallbackThread) {
    try {
      timer.schedule(
          () -> callbacks.execute(onCallbackThread), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      // Asked for after the console closed: nothing waits for it any more.
    }
  }

  /** Drops what is still waiting. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
