package dev.arbiter.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ExecutorTaskRunnerTest {

  /** Stands in for the FX thread: callbacks queue up here and run when the test drains them. */
  private final LinkedBlockingQueue<Runnable> callbackThread = new LinkedBlockingQueue<>();

  @Test
  void workRunsOffTheCallingThreadAndResultsArriveOnTheCallbackExecutor() throws Exception {
    ExecutorService workers = Executors.newSingleThreadExecutor();
    try (ExecutorTaskRunner runner = new ExecutorTaskRunner(workers, callbackThread::add)) {
      Thread caller = Thread.currentThread();
      AtomicReference<Thread> worker = new AtomicReference<>();
      List<String> received = new ArrayList<>();

      runner
          .run(
              () -> {
                worker.set(Thread.currentThread());
                return "figures";
              })
          .onSuccess(received::add)
          .onFailure(e -> received.add("failed"));
      callbackThread.poll(5, TimeUnit.SECONDS).run();

      assertThat(worker.get()).isNotSameAs(caller);
      assertThat(received).containsExactly("figures");
      assertThat(callbackThread).isEmpty();
    }
  }

  @Test
  void failureReachesTheFailureHandlerUnwrapped() throws Exception {
    try (ExecutorTaskRunner runner =
        new ExecutorTaskRunner(Executors.newSingleThreadExecutor(), callbackThread::add)) {
      AtomicReference<Throwable> failure = new AtomicReference<>();

      runner
          .run(
              () -> {
                throw new IllegalStateException("database gone");
              })
          .onSuccess(v -> failure.set(new AssertionError("no success expected")))
          .onFailure(failure::set);
      callbackThread.poll(5, TimeUnit.SECONDS).run();

      assertThat(failure.get())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("database gone");
    }
  }

  @Test
  void handlerRegisteredAfterCompletionStillRunsOnce() throws Exception {
    try (ExecutorTaskRunner runner =
        new ExecutorTaskRunner(Executors.newSingleThreadExecutor(), callbackThread::add)) {
      CountDownLatch done = new CountDownLatch(1);
      BackgroundTask<Integer> task =
          runner.run(
              () -> {
                done.countDown();
                return 42;
              });
      done.await(5, TimeUnit.SECONDS);
      Waits.atMost(Duration.ofSeconds(5)).until(task::isDone);
      List<Integer> received = new ArrayList<>();

      task.onSuccess(received::add);
      callbackThread.poll(5, TimeUnit.SECONDS).run();

      assertThat(received).containsExactly(42);
      assertThat(callbackThread.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void workAskedForAfterCloseIsDroppedWithoutAnError() throws Exception {
    ExecutorTaskRunner runner =
        new ExecutorTaskRunner(Executors.newSingleThreadExecutor(), callbackThread::add);
    runner.close();
    List<String> received = new ArrayList<>();

    BackgroundTask<String> late =
        runner
            .run(
                () -> {
                  received.add("ran");
                  return "late";
                })
            .onSuccess(received::add)
            .onFailure(e -> received.add("failed"));

    assertThat(callbackThread.poll(200, TimeUnit.MILLISECONDS)).isNull();
    assertThat(late.isDone()).isFalse();
    assertThat(received).isEmpty();
  }

  @Test
  void aScheduledCallbackWaitsOnTheTimerAndArrivesOnTheCallbackExecutor() throws Exception {
    ExecutorService workers = Executors.newSingleThreadExecutor();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (ExecutorTaskRunner runner = new ExecutorTaskRunner(workers, timer, callbackThread::add)) {
      List<String> received = new ArrayList<>();
      CountDownLatch blocked = new CountDownLatch(1);
      // A busy worker does not hold the schedule up: the delay is the timer's, not a sleep.
      runner.run(
          () -> {
            blocked.await(5, TimeUnit.SECONDS);
            return null;
          });

      runner.schedule(Duration.ofMillis(50), () -> received.add("retry"));
      runner.schedule(Duration.ofMillis(10), () -> received.add("never")).cancel();
      callbackThread.poll(5, TimeUnit.SECONDS).run();
      blocked.countDown();

      assertThat(received).containsExactly("retry");
    }
  }

  @Test
  void workCancelledBeforeAWorkerTakesItNeverRuns() throws Exception {
    ExecutorService workers = Executors.newSingleThreadExecutor();
    try (ExecutorTaskRunner runner = new ExecutorTaskRunner(workers, callbackThread::add)) {
      CountDownLatch release = new CountDownLatch(1);
      List<String> received = new ArrayList<>();
      runner.run(
          () -> {
            release.await(5, TimeUnit.SECONDS);
            return null;
          });
      BackgroundTask<String> queued =
          runner
              .run(
                  () -> {
                    received.add("ran");
                    return "late";
                  })
              .onSuccess(received::add)
              .whenFinished(() -> received.add("finished"));

      queued.cancel();
      callbackThread.poll(5, TimeUnit.SECONDS).run();
      release.countDown();

      assertThat(received).containsExactly("finished");
      assertThat(callbackThread.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void synchronousRunnerCompletesBeforeReturning() {
    List<String> received = new ArrayList<>();

    new SynchronousTaskRunner().run(() -> "now").onSuccess(received::add);

    assertThat(received).containsExactly("now");
  }
}
