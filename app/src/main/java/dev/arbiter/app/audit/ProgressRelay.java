package dev.arbiter.app.audit;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;

/**
 * Hands progress from a worker thread to the FX thread, at most one update in flight: while one is
 * waiting to run, newer values replace it instead of queueing behind it, so a fast worker never
 * floods the FX thread.
 */
final class ProgressRelay {

  private final Executor fxThread;
  private final DoubleConsumer target;
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile double latest;

  ProgressRelay(Executor fxThread, DoubleConsumer target) {
    this.fxThread = fxThread;
    this.target = target;
  }

  /** Records {@code done / total}; callable from any thread. */
  void report(long done, long total) {
    latest = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    if (pending.compareAndSet(false, true)) {
      fxThread.execute(
          () -> {
            pending.set(false);
            target.accept(latest);
          });
    }
  }
}
