package dev.arbiter.app.common;

import dev.arbiter.app.live.Schedulers;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a small pool of daemon threads and hands results to a callback executor; scheduled
 * callbacks wait on a timer thread of their own, so no worker sleeps.
 */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);
  private static final int WORKERS = 3;

  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final Executor callbacks;

  /** With a timer thread of its own for {@link #schedule}. */
  public ExecutorTaskRunner(ExecutorService workers, Executor callbacks) {
    this(
        workers,
        Executors.newSingleThreadScheduledExecutor(Schedulers.daemonThreads("arbiter-timer")),
        callbacks);
  }

  /**
   * @param timer only waits out delays: scheduled callbacks run on {@code callbacks}
   */
  public ExecutorTaskRunner(
      ExecutorService workers, ScheduledExecutorService timer, Executor callbacks) {
    this.workers = workers;
    this.timer = timer;
    this.callbacks = callbacks;
  }

  /** Background workers whose callbacks land on the JavaFX application thread. */
  public static ExecutorTaskRunner forFxThread() {
    return new ExecutorTaskRunner(
        Executors.newFixedThreadPool(WORKERS, Schedulers.daemonThreads("arbiter-background")),
        Platform::runLater);
  }

  @Override
  public <T> BackgroundTask<T> run(Callable<T> work) {
    BackgroundTask<T> task = new BackgroundTask<>(callbacks);
    try {
      workers.execute(
          task.body(
              () -> {
                try {
                  return work.call();
                } catch (Exception | Error e) {
                  LOG.debug("background work failed", e);
                  throw e;
                }
              }));
    } catch (RejectedExecutionException closed) {
      // A timer or change notice queued before the console closed may still ask for a re-read.
      // Its window is gone, so nothing waits for the answer: the work is dropped, never run.
      LOG.debug("work asked for after close was dropped");
    }
    return task;
  }

  @Override
  public BackgroundTask<Void> schedule(Duration delay, Runnable onCallbackThread) {
    BackgroundTask<Void> task = new BackgroundTask<>(callbacks);
    task.onSuccess(ignored -> onCallbackThread.run());
    try {
      timer.schedule(task.body(() -> null), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      LOG.debug("a callback scheduled after close was dropped");
    }
    return task;
  }

  /**
   * Stops taking work and gives running work a moment to finish. Work asked for afterwards is
   * dropped: its handlers never run; so are scheduled callbacks not yet due.
   */
  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
