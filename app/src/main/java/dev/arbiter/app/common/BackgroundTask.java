package dev.arbiter.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The result of work started by a {@link TaskRunner}. Handlers may be chained in any order right
 * after starting, since a handler registered after completion still runs, once. Success and failure
 * handlers run before the {@link #whenFinished} ones, all on the runner's callback thread.
 */
public final class BackgroundTask<T> {

  private final Executor callbacks;
  private final AtomicBoolean started = new AtomicBoolean();
  private final Object lock = new Object();
  private final List<Runnable> successes = new ArrayList<>();
  private final List<Runnable> failures = new ArrayList<>();
  private final List<Runnable> finishers = new ArrayList<>();
  private volatile boolean cancelled;
  private boolean done;
  private T value;
  private Throwable failure;

  BackgroundTask(Executor callbacks) {
    this.callbacks = callbacks;
  }

  /**
   * What a worker runs: {@code work}, unless the task was cancelled before it started. Runs the
   * work at most once.
   */
  Runnable body(Callable<T> work) {
    return () -> {
      if (!started.compareAndSet(false, true)) {
        return;
      }
      try {
        complete(work.call(), null);
      } catch (Exception | Error e) {
        complete(null, e);
      }
    };
  }

  /** Runs {@code handler} with the result on the callback thread if the work succeeds. */
  public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
    return answer(true, () -> handler.accept(value));
  }

  /** Runs {@code handler} with the cause on the callback thread if the work fails. */
  public BackgroundTask<T> onFailure(Consumer<? super Throwable> handler) {
    return answer(false, () -> handler.accept(unwrap(failure)));
  }

  /**
   * Runs {@code handler} on the callback thread once the task is over: after its success or failure
   * handlers, and also when it was cancelled (once its work, if it had started, has ended), so that
   * whoever waits for the task can always go on.
   */
  public BackgroundTask<T> whenFinished(Runnable handler) {
    synchronized (lock) {
      if (!done) {
        finishers.add(handler);
        return this;
      }
    }
    callbacks.execute(handler);
    return this;
  }

  /**
   * Drops the answer: success and failure handlers that have not run yet never will. Work that has
   * not started is not started; work already running is left to end on its own (interrupting a
   * statement can break a pooled connection), and its result is ignored. Call on the callback
   * thread; calling again does nothing.
   */
  public void cancel() {
    cancelled = true;
    if (started.compareAndSet(false, true)) {
      complete(null, new CancellationException("cancelled before it started"));
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  public boolean isDone() {
    synchronized (lock) {
      return done;
    }
  }

  // Only a handler that applies is handed to the callback thread, so an answer costs one callback.
  private BackgroundTask<T> answer(boolean onSuccess, Runnable handler) {
    synchronized (lock) {
      if (!done) {
        (onSuccess ? successes : failures).add(handler);
        return this;
      }
    }
    if (onSuccess == (failure == null)) {
      callbacks.execute(() -> deliver(handler));
    }
    return this;
  }

  private void deliver(Runnable handler) {
    if (!cancelled) {
      handler.run();
    }
  }

  private void complete(T result, Throwable cause) {
    List<Runnable> waiting;
    List<Runnable> finishing;
    synchronized (lock) {
      if (done) {
        return;
      }
      done = true;
      value = result;
      failure = cause;
      // A cancelled task's answer is dropped anyway: only whoever waits for the end is told.
      waiting = cancelled ? List.of() : List.copyOf(cause == null ? successes : failures);
      finishing = List.copyOf(finishers);
      successes.clear();
      failures.clear();
      finishers.clear();
    }
    if (!waiting.isEmpty() || !finishing.isEmpty()) {
      callbacks.execute(
          () -> {
            waiting.forEach(this::deliver);
            finishing.forEach(Runnable::run);
          });
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
