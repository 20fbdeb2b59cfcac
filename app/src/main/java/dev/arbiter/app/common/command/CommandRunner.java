package dev.arbiter.app.common.command;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.session.ConnectionFailures;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * Sends staff commands, the one way every feature does: the command goes out off the FX thread and
 * its reply hears the answer. When the connection drops before the answer, the command may or may
 * not have been saved, so nothing is guessed: once the console is online its request key is looked
 * up, and only then is it reported saved (read again by a replay where the command asks for it) or
 * not saved, which a retry under the same key may then send again. A lookup that cannot reach the
 * server is tried again later on a {@link Later}, never by sleeping on a worker, so unsettled
 * commands never keep the console's reads waiting.
 *
 * <p>Call on the callback (FX) thread. One runner serves any number of commands at once; what one
 * view allows at a time is its {@link CommandSlot}'s business.
 *
 * @param online false while the database cannot be reached: nothing should be sent, and lookups
 *     wait until it is true
 * @param check looks a request key up ({@code CommitOutcomes::committed}, or a fake)
 */
public record CommandRunner(
    TaskRunner tasks, Later later, ObservableBooleanValue online, KeyCheck check) {

  /** Whether the action sent under a key was saved; throws while the server cannot be reached. */
  @FunctionalInterface
  public interface KeyCheck {
    boolean committed(String requestKey) throws Exception;
  }

  static final Duration RECHECK = Duration.ofSeconds(1);
  // The feed may say online a little before the pool can connect again; after this many lookups
  // that still cannot reach the server, the outcome is reported unknown (a retry is still safe).
  static final int CHECKS = 20;
  private static final int REPLAYS = 3;

  /**
   * The same runner, telling saved from not saved by {@code other}: for an action whose trace is
   * its own effect rather than a recorded key (an undo marks its decision).
   */
  public CommandRunner checkingWith(KeyCheck other) {
    return new CommandRunner(tasks, later, online, other);
  }

  public boolean isOnline() {
    return online.get();
  }

  /** Whether {@code failure} leaves the outcome of a command in flight unknown. */
  public static boolean answerLost(Throwable failure) {
    return failure instanceof AnswerLost || ConnectionFailures.isConnectionLost(failure);
  }

  /** Sends {@code command} now; {@code reply} hears how it ended. */
  public <R> void send(StaffCommand<R> command, CommandReply<R> reply) {
    tasks
        .run(command::send)
        .onSuccess(reply::answered)
        .onFailure(
            failure -> {
              if (command.requestKey() != null && answerLost(failure)) {
                settle(command, reply, 0);
              } else {
                reply.failed(failure);
              }
            });
  }

  private <R> void settle(StaffCommand<R> command, CommandReply<R> reply, int replays) {
    reply.checking();
    new Lookup(
            command.requestKey(),
            committed -> {
              if (!committed) {
                reply.notSaved(null);
              } else if (command.replaysAnswer()) {
                replay(command, reply, replays + 1);
              } else {
                reply.savedAfterAll(null);
              }
            },
            reply::notSaved)
        .start();
  }

  // Sent again under its key only to read the answer the database kept: a replay, no second effect.
  private <R> void replay(StaffCommand<R> command, CommandReply<R> reply, int replays) {
    tasks
        .run(command::send)
        .onSuccess(reply::savedAfterAll)
        .onFailure(
            failure -> {
              if (answerLost(failure) && replays < REPLAYS) {
                settle(command, reply, replays);
              } else {
                reply.savedUnread(failure);
              }
            });
  }

  /** One key looked up until the server answers, waiting for the console to be online. */
  private final class Lookup {

    private final String key;
    private final Consumer<Boolean> answer;
    private final Consumer<Throwable> undetermined;
    private int checks;

    Lookup(String key, Consumer<Boolean> answer, Consumer<Throwable> undetermined) {
      this.key = key;
      this.answer = answer;
      this.undetermined = undetermined;
    }

    void start() {
      whenOnline(this::ask);
    }

    private void whenOnline(Runnable then) {
      if (online.get()) {
        then.run();
        return;
      }
      online.addListener(
          new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
              if (now) {
                online.removeListener(this);
                then.run();
              }
            }
          });
    }

    private void ask() {
      checks++;
      tasks
          .run(() -> check.committed(key))
          .onSuccess(answer)
          .onFailure(
              failure -> {
                if (!answerLost(failure) || checks >= CHECKS) {
                  undetermined.accept(failure);
                } else {
                  later.after(RECHECK, () -> whenOnline(this::ask));
                }
              });
    }
  }
}
