package dev.arbiter.app.common;

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
}
