package dev.arbiter.app.common;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Runs work away from the FX thread. ViewModels get one injected, so the database is never touched
 * on the FX thread and tests can run the same ViewModel synchronously.
 */
public interface TaskRunner {

  /**
   * Starts {@code work} and returns a handle for its result. Handlers registered on the handle run
   * on the runner's callback thread (the FX thread in the console), even when registered after the
   * work has finished.
   */
  <T> BackgroundTask<T> run(Callable<T> work);

  /**
   * Starts {@code work} as the latest request for {@code key}: the task still out under the same
   * key is cancelled, so its answer never arrives and an older answer can never replace a newer
   * one. Call on the callback thread.
   */
  default <T> BackgroundTask<T> runLatest(TaskKey key, Callable<T> work) {
    key.cancel();
    return key.hold(run(work));
  }

  /**
   * Runs {@code onCallbackThread} on the callback thread once {@code delay} has passed, without
   * holding a worker meanwhile (a retry waits here, never in {@code Thread.sleep} on a worker).
   * Cancelling the returned task before then means it never runs.
   */
  BackgroundTask<Void> schedule(Duration delay, Runnable onCallbackThread);
}
