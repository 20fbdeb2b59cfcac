package dev.arbiter.app.common.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.FakeDatabase.Next;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one command pipeline, with a synchronous task runner and a fake database. */
@Timeout(30)
class CommandRunnerTest {

  private final FakeDatabase db = new FakeDatabase();
  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private final ManualLater later = new ManualLater();
  private final CommandRunner runner =
      new CommandRunner(new SynchronousTaskRunner(), later, online, db::committed);
  private final Replies<String> reply = new Replies<>();

  @Test
  void anAnsweredCommandReachesItsReplyAndNothingIsLookedUp() {
    runner.send(db.command("k1", "assign"), reply);

    assertThat(reply.heard).containsExactly("answered assign #1");
    assertThat(db.lookups).hasValue(0);
  }

  @Test
  void aFailureWithTheConnectionIntactIsNotLookedUp() {
    db.next.add(Next.REFUSE);

    runner.send(db.command("k1", "assign"), reply);

    assertThat(reply.heard).containsExactly("failed refused: assign");
    assertThat(db.lookups).hasValue(0);
  }

  @Test
  void anAnswerLostAfterSavingIsFoundSavedByItsKeyAndNotSentAgain() {
    db.next.add(Next.LOSE_AFTER_SAVING);

    runner.send(db.command("k1", "note"), reply);

    assertThat(reply.heard).containsExactly("checking", "saved null");
    assertThat(db.sent).containsExactly("k1");
  }

  @Test
  void aReplayingCommandFoundSavedIsSentOnceMoreUnderItsKeyToReadTheAnswerItGot() {
    db.next.add(Next.LOSE_AFTER_SAVING);

    runner.send(db.replaying("k1", "release"), reply);

    assertThat(reply.heard).containsExactly("checking", "saved release #1");
    assertThat(db.sent).containsExactly("k1", "k1");
    assertThat(db.saved).hasSize(1);
  }

  @Test
  void anAnswerLostBeforeSavingIsReportedNotSaved() {
    db.next.add(Next.LOSE_BEFORE_SAVING);

    runner.send(db.command("k1", "note"), reply);

    assertThat(reply.heard).containsExactly("checking", "not saved");
    assertThat(db.saved).isEmpty();
  }

  @Test
  void aConnectionLostInTheDriverIsLookedUpLikeAnyLostAnswer() {
    CommandRunner driver =
        new CommandRunner(new SynchronousTaskRunner(), later, online, key -> false);

    driver.send(
        StaffCommand.of(
            "k1",
            "note",
            () -> {
              throw new StaffDatabaseException(
                  "Could not save", new SQLException("I/O error", "08006"));
            }),
        reply);

    assertThat(reply.heard).containsExactly("checking", "not saved");
  }

  @Test
  void whileOfflineTheLookupWaitsForTheConnectionToComeBack() {
    db.next.add(Next.LOSE_AFTER_SAVING);
    db.whenLost = () -> online.set(false);

    runner.send(db.command("k1", "note"), reply);

    assertThat(reply.heard).containsExactly("checking");
    assertThat(db.lookups).hasValue(0);

    online.set(true);

    assertThat(reply.heard).containsExactly("checking", "saved null");
    assertThat(db.lookups).hasValue(1);
  }

  @Test
  void aLookupThatCannotReachTheServerIsTriedAgainLaterOnTheSchedulerNotOnAWorker() {
    db.next.add(Next.LOSE_BEFORE_SAVING);
    db.lookupFailures.add(FakeDatabase.lost());

    runner.send(db.command("k1", "note"), reply);

    assertThat(reply.heard).containsExactly("checking");
    assertThat(later.waiting()).isOne();
    assertThat(later.delays()).containsExactly(CommandRunner.RECHECK);

    later.elapse();

    assertThat(reply.heard).containsExactly("checking", "not saved");
    assertThat(db.lookups).hasValue(2);
  }

  @Test
  void aRecheckDueWhileOfflineWaitsForTheConnection() {
    db.next.add(Next.LOSE_AFTER_SAVING);
    db.lookupFailures.add(FakeDatabase.lost());
    runner.send(db.command("k1", "note"), reply);
    online.set(false);

    later.elapse();

    assertThat(db.lookups).hasValue(1);
    online.set(true);
    assertThat(reply.heard).containsExactly("checking", "saved null");
  }

  @Test
  void aLookupThatKeepsFailingReportsTheOutcomeUnknownAfterItsChecks() {
    db.next.add(Next.LOSE_BEFORE_SAVING);
    for (int i = 0; i < CommandRunner.CHECKS; i++) {
      db.lookupFailures.add(FakeDatabase.lost());
    }

    runner.send(db.command("k1", "note"), reply);
    while (later.waiting() > 0) {
      later.elapse();
    }

    assertThat(db.lookups).hasValue(CommandRunner.CHECKS);
    assertThat(reply.heard).containsExactly("checking", "unknown the connection dropped");
  }

  @Test
  void aLookupRefusedForAnotherReasonReportsTheOutcomeUnknownAtOnce() {
    db.next.add(Next.LOSE_BEFORE_SAVING);
    db.lookupFailures.add(new IllegalStateException("permission denied"));

    runner.send(db.command("k1", "note"), reply);

    assertThat(reply.heard).containsExactly("checking", "unknown permission denied");
    assertThat(later.waiting()).isZero();
  }

  @Test
  void aSavedCommandWhoseReplayFailsIsReportedSavedButUnread() {
    db.next.add(Next.LOSE_AFTER_SAVING);
    db.next.add(Next.REFUSE);

    runner.send(db.replaying("k1", "release"), reply);

    assertThat(reply.heard).containsExactly("checking", "saved unread refused: release");
  }

  @Test
  void aCommandWithoutAKeyCannotBeLookedUpSoItsLostAnswerIsAFailure() {
    db.next.add(Next.LOSE_AFTER_SAVING);

    runner.send(db.command(null, "claim"), reply);

    assertThat(reply.heard).containsExactly("failed the connection dropped");
    assertThat(db.lookups).hasValue(0);
  }

  @Test
  void anotherCheckTellsSavedFromNotSavedWhereTheEffectIsTheTrace() {
    db.next.add(Next.LOSE_AFTER_SAVING);

    runner.checkingWith(key -> key.equals("undo-7")).send(db.command("undo-7", "undo"), reply);

    assertThat(reply.heard).containsExactly("checking", "saved null");
  }

  @Test
  void threeUnsettledCommandsDoNotBlockARead() throws Exception {
    // As in the console: three workers, and callbacks on one thread standing in for the FX thread.
    ExecutorService fx = Executors.newSingleThreadExecutor();
    CountDownLatch waiting = new CountDownLatch(3);
    ManualLater clock = new ManualLater();
    Later counted =
        (delay, then) -> {
          clock.after(delay, then);
          waiting.countDown();
        };
    try (ExecutorTaskRunner tasks = new ExecutorTaskRunner(Executors.newFixedThreadPool(3), fx)) {
      CommandRunner unreachable =
          new CommandRunner(
              tasks,
              counted,
              online,
              key -> {
                throw FakeDatabase.lost();
              });
      for (int i = 1; i <= 3; i++) {
        StaffCommand<String> lost =
            StaffCommand.of(
                "k" + i,
                "note",
                () -> {
                  throw FakeDatabase.lost();
                });
        fx.execute(() -> unreachable.send(lost, new Replies<>()));
      }
      assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<String> read = new CompletableFuture<>();
      tasks.run(() -> "the queue").onSuccess(read::complete);

      assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("the queue");
      assertThat(clock.delays()).containsOnly(CommandRunner.RECHECK).hasSize(3);
    } finally {
      fx.shutdownNow();
    }
  }

  @Test
  void aRetryWaitsOnTheTaskRunnersTimerAndRunsOnTheCallbackThread() throws Exception {
    ExecutorService callbacks = Executors.newSingleThreadExecutor();
    ExecutorService workers = Executors.newSingleThreadExecutor();
    try {
      Later scheduled = new ExecutorTaskRunner(workers, callbacks)::schedule;
      CompletableFuture<Thread> ranOn = new CompletableFuture<>();
      Thread callbackThread = callbacks.submit(Thread::currentThread).get();

      scheduled.after(Duration.ofMillis(1), () -> ranOn.complete(Thread.currentThread()));

      assertThat(ranOn.get(10, TimeUnit.SECONDS)).isSameAs(callbackThread);
    } finally {
      callbacks.shutdownNow();
      workers.shutdownNow();
    }
  }
}
