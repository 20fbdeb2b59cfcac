package dev.arbiter.app.common;

/**
 * What a piece of background work is for (the rows of a list, the open record), so that asking for
 * it again supersedes the request still out: {@link TaskRunner#runLatest} cancels the older task,
 * whose answer is then dropped, and only the latest one is answered. This replaces numbering
 * requests and comparing the numbers in every handler. Callback (FX) thread only.
 */
public final class TaskKey {

  private BackgroundTask<?> current;

  /** Cancels the task still out under this key, if any. */
  public void cancel() {
    if (current != null) {
      BackgroundTask<?> out = current;
      current = null;
      out.cancel();
    }
  }

  /** Whether a task started under this key has not finished yet. */
  public boolean busy() {
    return current != null;
  }

  <T> BackgroundTask<T> hold(BackgroundTask<T> task) {
    current = task;
    task.whenFinished(
        () -> {
          if (current == task) {
            current = null;
          }
        });
    return task;
  }
}
