package dev.arbiter.app.shell;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps a queued task waiting: a ping every 50 ms, and the longest
 * time one took to run. A console that blocks its FX thread on the network shows it here.
 */
final class FxWatchdog implements AutoCloseable {

  private final AtomicLong longest = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private final Thread thread = new Thread(this::run, "fx-watchdog");
  private volatile boolean running = true;

  static FxWatchdog start() {
    FxWatchdog watchdog = new FxWatchdog();
    watchdog.thread.setDaemon(true);
    watchdog.thread.start();
    return watchdog;
  }

  private void run() {
    while (running) {
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
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
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
    running = false;
    thread.interrupt();
  }
}
