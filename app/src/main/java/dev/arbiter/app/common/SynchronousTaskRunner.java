package dev.arbiter.app.common;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Runs work and its handlers on the calling thread, so a ViewModel test sees the outcome as soon as
 * the command returns, without the JavaFX toolkit. Scheduled callbacks wait for the test to move
 * the clock ({@link #schedule()}).
 */
public final class SynchronousTaskRunner implements TaskRunner {

  private final ManualSchedule schedule = new ManualSchedule();

  @Override
  public <T> BackgroundTask<T> run(Callable<T> work) {
    BackgroundTask<T> task = new BackgroundTask<>(Runnable::run);
    task.body(work).run();
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
}
