package dev.arbiter.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs work on a small pool of daemon threads and hands results to a callback executor. */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);
  private static final int WORKERS = 3;

  private final ExecutorService workers;
  private final Executor callbacks;

  public ExecutorTaskRunner(ExecutorService workers, Executor callbacks) {
    this.workers = workers;
    this.callbacks = callbacks;
  }

  /** Background workers whose callbacks land on the JavaFX application thread. */
  public static ExecutorTaskRunner forFxThread() {
    return new ExecutorTaskRunner(
        Executors.newFixedThreadPool(WORKERS, daemonThreads("arbiter-background")),
        Platform::runLater);
  }

  @Override
  public <T> BackgroundTask<T> run(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      workers.execute(
          () -> {
            try {
              result.complete(work.call());
            } catch (Exception | Error e) {
              LOG.debug("background work failed", e);
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException closed) {
      // A timer or change notice queued before the console closed may still ask for a re-read.
      // Its window is gone, so nothing waits for the answer: the work is dropped, never run.
      LOG.debug("work asked for after close was dropped");
    }
    return new BackgroundTask<>(result, callbacks);
  }

  /**
   * Stops taking work and gives running work a moment to finish. Work asked for afterwards is
   * dropped: its handlers never run.
   */
  @Override
  public void close() {
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

  /** Named daemon threads, so background work never keeps the JVM alive after the window. */
  public static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
