package dev.arbiter.app.common.command;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One staff action, as a Scene Builder {@code Job} is one edit: what it does in words (for the
 * confirmation, the messages and the log), the request key every send of it carries, and how to
 * send it. The database records the key with the action's effect, so a command sent twice acts
 * once, and a command whose answer was lost can be looked up by its key ({@link CommandRunner}).
 *
 * @param <R> the database's answer
 */
public interface StaffCommand<R> {

  /**
   * The idempotency key; the same for every send of this command. Null for an action the database
   * does not record by key: its outcome cannot be looked up when the answer is lost.
   */
  String requestKey();

  /** What the command does, e.g. "Approve the release of checkpoint 7". */
  String description();

  /** Sends the command and waits for the answer; called off the FX thread. */
  R send() throws Exception;

  /**
   * Whether, found saved after its answer was lost, the command is sent once more under its key to
   * read the answer the database kept (it replays it and does nothing else). Worth it where the
   * answer says more than "done": a money function records its refusals under the key too.
   */
  default boolean replaysAnswer() {
    return false;
  }

  /** A command sent by {@code send}; a lost answer is reported saved without reading it again. */
  static <R> StaffCommand<R> of(String requestKey, String description, Callable<R> send) {
    return new Simple<>(requestKey, description, send, false);
  }

  /** A command sent by {@code send} whose answer is read again by a replay when it was lost. */
  static <R> StaffCommand<R> replaying(String requestKey, String description, Callable<R> send) {
    return new Simple<>(requestKey, description, send, true);
  }

  /** A command made of its parts. */
  record Simple<R>(String requestKey, String description, Callable<R> call, boolean replaysAnswer)
      implements StaffCommand<R> {

    public Simple {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(call, "call");
    }

    @Override
    public R send() throws Exception {
      return call.call();
    }
  }
}
