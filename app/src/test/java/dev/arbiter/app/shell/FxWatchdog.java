package dev.arbiter.app.shell;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps a queued task waiting: a ping every 50 ms, and the longest
 * time one took to run. A console that blocks its FX thread on the network shows it here.
 */
final class FxWatchdog implements AutoCloseable {

  private final AtomicLong longest = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private final ScheduledExecutorService pinger =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "fx-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  static FxWatchdog start() {
    FxWatchdog watchdog = new FxWatchdog();
    watchdog.pinger.scheduleWithFixedDelay(watchdog::ping, 0, 50, TimeUnit.MILLISECONDS);
    return watchdog;
  }

  private void ping() {
    if (pending.get() == 0) {
      long sent = System.nanoTime();
      pending.set(sent);
      Platform.runLater(
          () -> {
            longest.accumulateAndGet(System.nanoTime() - sent, Math::max);
            pending.set(0);
          });
    } else {
      // A ping still queued counts for as long as it has waited so far.
      longest.accumulateAndGet(System.nanoTime() - pending.get(), Math::max);
    }
  }

  Duration longestWait() {
    long queued = pending.get();
    if (queued != 0) {
      longest.accumulateAndGet(System.nanoTime() - queued, Math::max);
    }
    return Duration.ofNanos(longest.get());
  }

  @Override
  public void close() {
    pinger.shutdownNow();
  }
}
