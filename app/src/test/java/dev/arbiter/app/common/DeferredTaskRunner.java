package dev.arbiter.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Holds work until the test releases it, so a test can look at a ViewModel while its work is still
 * running; handlers then run on the test's thread.
 */
public final class DeferredTaskRunner implements TaskRunner {

  private final List<Runnable> pending = new ArrayList<>();

  @Override
  public <T> BackgroundTask<T> run(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    pending.add(
        () -> {
          try {
            result.complete(work.call());
          } catch (Exception e) {
            result.completeExceptionally(e);
          }
        });
    return new BackgroundTask<>(result, Runnable::run);
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
