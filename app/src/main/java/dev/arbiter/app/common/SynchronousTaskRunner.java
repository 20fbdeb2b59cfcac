package dev.arbiter.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs work and its handlers on the calling thread, so a ViewModel test sees the outcome as soon as
 * the command returns, without the JavaFX toolkit.
 */
public final class SynchronousTaskRunner implements TaskRunner {

  @Override
  public <T> BackgroundTask<T> run(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      result.complete(work.call());
    } catch (Exception | Error e) {
      result.completeExceptionally(e);
    }
    return new BackgroundTask<>(result, Runnable::run);
  }
}
