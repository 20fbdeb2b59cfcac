package dev.arbiter.app.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scheduled callbacks on a clock that only moves when a test says so, for the synchronous runners:
 * a test sees a retry come due by {@link #advance}, without waiting. Single thread.
 */
public final class ManualSchedule {

  private record Due(long atNanos, long order, BackgroundTask<Void> task, Runnable body) {}

  private final List<Due> waiting = new ArrayList<>();
  private long nowNanos;
  private long added;

  BackgroundTask<Void> add(Duration delay, Runnable onDue) {
    BackgroundTask<Void> task = new BackgroundTask<>(Runnable::run);
    task.onSuccess(ignored -> onDue.run());
    waiting.add(
        new Due(nowNanos + Math.max(0, delay.toNanos()), added++, task, task.body(() -> null)));
    return task;
  }

  /**
   * Moves the clock on by {@code time} and runs what came due, in the order it was due; callbacks
   * scheduled meanwhile run too if they fall due within the same time.
   */
  public void advance(Duration time) {
    long until = nowNanos + time.toNanos();
    for (Optional<Due> next = next(until); next.isPresent(); next = next(until)) {
      Due due = next.get();
      waiting.remove(due);
      nowNanos = Math.max(nowNanos, due.atNanos());
      due.body().run();
    }
    nowNanos = until;
  }

  /** How many scheduled callbacks have not run and are not cancelled. */
  public int pending() {
    return (int) waiting.stream().filter(d -> !d.task().isCancelled()).count();
  }

  private Optional<Due> next(long until) {
    return waiting.stream()
        .filter(d -> d.atNanos() <= until)
        .min(Comparator.comparingLong(Due::atNanos).thenComparingLong(Due::order));
  }
}
