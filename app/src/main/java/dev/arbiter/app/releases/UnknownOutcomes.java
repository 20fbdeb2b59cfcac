package dev.arbiter.app.releases;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.session.ConnectionFailures;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Settles money actions whose commit outcome is unknown: the connection dropped while the database
 * may have committed. Once the console is online again it asks whether the action's idempotency key
 * was recorded; only then may the caller say "saved" or offer a retry with the same key, so a late
 * commit never becomes a second payment.
 */
public final class UnknownOutcomes {

  /** Whether the action keyed so was committed; throws while the server cannot be reached. */
  @FunctionalInterface
  public interface CommitCheck {
    boolean committed(String idempotencyKey) throws Exception;
  }

  private static final int ATTEMPTS = 20;
  private static final Duration PAUSE = Duration.ofMillis(500);

  private final CommitCheck check;
  private final ObservableBooleanValue online;
  private final TaskRunner tasks;

  UnknownOutcomes(CommitCheck check, ObservableBooleanValue online, TaskRunner tasks) {
    this.check = check;
    this.online = online;
    this.tasks = tasks;
  }

  /** Whether {@code failure} leaves the outcome of a commit in flight unknown. */
  static boolean unknown(Throwable failure) {
    return ConnectionFailures.isConnectionLost(failure);
  }

  /**
   * Answers whether {@code key} was committed, once it can be told, on the callback thread; {@code
   * gaveUp} when the server stayed out of reach for every attempt (the outcome is still unknown).
   * Call on the callback (FX) thread.
   */
  void settle(String key, Consumer<Boolean> answer, Consumer<Throwable> gaveUp) {
    if (online.get()) {
      ask(key, answer, gaveUp);
      return;
    }
    ChangeListener<Boolean> whenBack =
        new ChangeListener<>() {
          @Override
          public void changed(
              javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
            if (now) {
              online.removeListener(this);
              ask(key, answer, gaveUp);
            }
          }
        };
    online.addListener(whenBack);
  }

  // The feed may report online a moment before the pool has a fresh connection, so a check that
  // still finds the server gone is repeated for a while before giving up.
  private void ask(String key, Consumer<Boolean> answer, Consumer<Throwable> gaveUp) {
    tasks
        .run(
            () -> {
              Exception last = null;
              for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                  return check.committed(key);
                } catch (Exception e) {
                  if (!unknown(e)) {
                    throw e;
                  }
                  last = e;
                  Thread.sleep(PAUSE.toMillis());
                }
              }
              throw last;
            })
        .onSuccess(answer)
        .onFailure(gaveUp);
  }
}
