package dev.arbiter.app.common;

import dev.arbiter.persistence.session.ConnectionFailures;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * Settles an action whose commit outcome is unknown (the connection dropped while the database may
 * have committed it) by its request key. Once the console is online again it asks whether the key
 * was recorded; only then may the caller say "saved", or offer a retry under the same key, so a
 * late commit never becomes a second effect.
 */
public final class OutcomeByKey {

  /** Whether the action keyed so was committed; throws while the server cannot be reached. */
  @FunctionalInterface
  public interface Check {
    boolean committed(String requestKey) throws Exception;
  }

  private static final int ATTEMPTS = 20;
  private static final Duration PAUSE = Duration.ofMillis(500);

  private final Check check;
  private final TaskRunner tasks;
  private final ObservableBooleanValue online;

  public OutcomeByKey(Check check, TaskRunner tasks, ObservableBooleanValue online) {
    this.check = check;
    this.tasks = tasks;
    this.online = online;
  }

  /** Whether {@code failure} leaves the outcome of a commit in flight unknown. */
  public static boolean unknown(Throwable failure) {
    return ConnectionFailures.isConnectionLost(failure);
  }

  /**
   * Answers, on the callback thread, whether {@code requestKey} was committed, as soon as that can
   * be told; {@code gaveUp} when the check kept failing (the outcome is still unknown, but a retry
   * under the same key is safe). Call on the callback (FX) thread.
   */
  public void settle(String requestKey, Consumer<Boolean> answer, Consumer<Throwable> gaveUp) {
    if (online.get()) {
      ask(requestKey, answer, gaveUp);
      return;
    }
    online.addListener(
        new ChangeListener<>() {
          @Override
          public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
            if (now) {
              online.removeListener(this);
              ask(requestKey, answer, gaveUp);
            }
          }
        });
  }

  // The feed may report online a moment before the pool has a fresh connection, so a check that
  // still finds the server gone is repeated for a while before giving up.
  private void ask(String requestKey, Consumer<Boolean> answer, Consumer<Throwable> gaveUp) {
    tasks
        .run(
            () -> {
              Exception last = null;
              for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                  return check.committed(requestKey);
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
