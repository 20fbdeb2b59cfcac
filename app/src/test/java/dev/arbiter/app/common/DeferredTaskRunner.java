package dev.arbiter.app.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Holds work until the test releases it, so a test can look at a ViewModel while its work is still
 * running; handlers then run on the test's thread. Work cancelled before it is released never runs.
 */
public final class DeferredTaskRunner implements TaskRunner {

  private final List<Runnable> pending = new ArrayList<>();
  private final ManualSchedule schedule = new ManualSchedule();

  @Override
  public <T> BackgroundTask<T> run(Callable<T> work) {
    BackgroundTask<T> task = new BackgroundTask<>(Runnable::run);
    pending.add(task.body(work));
    return task;
  }

  @Override
  public BackgroundTask<Void> schedule(Duration delay, Runnable onCallbackThread) {
    return schedule.add(delay, onCallbackThread);
  }

  /** The clock scheduled callbacks wait on. */
  public ManualSchedule schedule() {
    return schedule;
  }

  public int pending() {
    return pending.size();
  }

  /** Runs every held piece of work, in order. */
  public void finishAll() {
    List<Runnable> work = new ArrayList<>(pending);
    pending.clear();
    work.forEach(Runnable::run);
  }
}
