package dev.arbiter.app.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The result of work started by a {@link TaskRunner}. Handlers may be chained in any order right
 * after starting, since a handler registered after completion still runs, once.
 */
public final class BackgroundTask<T> {

  private final CompletableFuture<T> result;
  private final Executor callbacks;

  BackgroundTask(CompletableFuture<T> result, Executor callbacks) {
    this.result = result;
    this.callbacks = callbacks;
  }

  /** Runs {@code handler} with the result on the callback thread if the work succeeds. */
  public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
    result.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            callbacks.execute(() -> handler.accept(value));
          }
        });
    return this;
  }

  /** Runs {@code handler} with the cause on the callback thread if the work fails. */
  public BackgroundTask<T> onFailure(Consumer<? super Throwable> handler) {
    result.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            callbacks.execute(() -> handler.accept(unwrap(failure)));
          }
        });
    return this;
  }

  public boolean isDone() {
    return result.isDone();
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
