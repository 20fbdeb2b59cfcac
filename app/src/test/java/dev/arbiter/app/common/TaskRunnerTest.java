package dev.arbiter.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "When finished", cancellation, latest-only and scheduling, on the runners tests use. */
class TaskRunnerTest {

  private final List<String> seen = new ArrayList<>();

  @Test
  void whenFinishedRunsAfterTheAnswerWhicheverWasRegisteredFirst() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    tasks.run(() -> "rows").whenFinished(() -> seen.add("finished")).onSuccess(seen::add);
    tasks
        .run(
            () -> {
              throw new IllegalStateException("gone");
            })
        .whenFinished(() -> seen.add("finished"))
        .onFailure(e -> seen.add(e.getMessage()));

    tasks.finishAll();

    assertThat(seen).containsExactly("rows", "finished", "gone", "finished");
  }

  @Test
  void aTaskCancelledBeforeItStartsNeverRunsAndOnlyItsFinishHandlerDoes() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    BackgroundTask<String> task =
        tasks
            .run(
                () -> {
                  seen.add("ran");
                  return "rows";
                })
            .onSuccess(seen::add)
            .onFailure(e -> seen.add("failed"))
            .whenFinished(() -> seen.add("finished"));

    task.cancel();
    tasks.finishAll();

    assertThat(seen).containsExactly("finished");
    assertThat(task.isCancelled()).isTrue();
    assertThat(task.isDone()).isTrue();
  }

  @Test
  void aTaskCancelledWhileRunningEndsButItsAnswerIsDropped() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    BackgroundTask<?>[] self = new BackgroundTask<?>[1];
    self[0] =
        tasks
            .run(
                () -> {
                  self[0].cancel();
                  seen.add("ran");
                  return "rows";
                })
            .onSuccess(seen::add)
            .whenFinished(() -> seen.add("finished"));

    tasks.finishAll();

    assertThat(seen).containsExactly("ran", "finished");
  }

  @Test
  void theLatestRequestOfAKeySupersedesTheOneStillOut() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    TaskKey rows = new TaskKey();
    TaskKey other = new TaskKey();
    tasks.runLatest(rows, () -> "first filter").onSuccess(seen::add);
    tasks.runLatest(other, () -> "other list").onSuccess(seen::add);
    tasks.runLatest(rows, () -> "second filter").onSuccess(seen::add);
    assertThat(rows.busy()).isTrue();

    tasks.finishAll();

    assertThat(seen).containsExactly("other list", "second filter");
    assertThat(rows.busy()).isFalse();
  }

  @Test
  void aSupersededTaskThatAlreadyRanStillHasItsAnswerDropped() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    TaskKey rows = new TaskKey();
    // The work ends on its worker, but its answer waits in the callback queue.
    List<Runnable> callbacks = new ArrayList<>();
    TaskRunner queued =
        new TaskRunner() {
          @Override
          public <T> BackgroundTask<T> run(java.util.concurrent.Callable<T> work) {
            BackgroundTask<T> task = new BackgroundTask<>(callbacks::add);
            task.body(work).run();
            return task;
          }

          @Override
          public BackgroundTask<Void> schedule(Duration delay, Runnable onCallbackThread) {
            return tasks.schedule(delay, onCallbackThread);
          }
        };
    queued.runLatest(rows, () -> "old").onSuccess(seen::add);
    queued.runLatest(rows, () -> "new").onSuccess(seen::add);

    callbacks.forEach(Runnable::run);

    assertThat(seen).containsExactly("new");
  }

  @Test
  void scheduledCallbacksRunWhenTheClockReachesThemInTheOrderTheyAreDue() {
    SynchronousTaskRunner tasks = new SynchronousTaskRunner();
    tasks.schedule(Duration.ofSeconds(2), () -> seen.add("two"));
    tasks.schedule(Duration.ofSeconds(1), () -> seen.add("one"));
    BackgroundTask<Void> dropped = tasks.schedule(Duration.ofSeconds(1), () -> seen.add("never"));
    dropped.cancel();

    tasks.schedule().advance(Duration.ofMillis(999));
    assertThat(seen).isEmpty();
    assertThat(tasks.schedule().pending()).isEqualTo(2);

    tasks.schedule().advance(Duration.ofMillis(1));
    assertThat(seen).containsExactly("one");
    tasks.schedule().advance(Duration.ofSeconds(1));
    assertThat(seen).containsExactly("one", "two");
    assertThat(tasks.schedule().pending()).isZero();
  }

  @Test
  void aCallbackScheduledByACallbackRunsOnlyWhenItIsDue() {
    SynchronousTaskRunner tasks = new SynchronousTaskRunner();
    tasks.schedule(
        Duration.ofSeconds(1),
        () -> {
          seen.add("retry 1");
          tasks.schedule(Duration.ofSeconds(1), () -> seen.add("retry 2"));
        });

    tasks.schedule().advance(Duration.ofMillis(1500));
    assertThat(seen).containsExactly("retry 1");

    tasks.schedule().advance(Duration.ofMillis(500));
    assertThat(seen).containsExactly("retry 1", "retry 2");
  }
}
