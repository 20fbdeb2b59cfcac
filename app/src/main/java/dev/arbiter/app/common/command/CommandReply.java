package dev.arbiter.app.common.command;

/**
 * What a view does with one command's outcome, in its own words. Every method runs on the callback
 * (FX) thread. A command ends in exactly one of {@link #answered}, {@link #failed}, {@link
 * #savedAfterAll}, {@link #savedUnread} or {@link #notSaved}; {@link #checking} may come before the
 * last three.
 *
 * @param <R> the database's answer
 */
public interface CommandReply<R> {

  /** The database answered (which may be a refusal it returns rather than throws). */
  void answered(R answer);

  /**
   * The command failed with the connection intact (a refusal, a broken rule): nothing was saved.
   */
  void failed(Throwable failure);

  /** The command goes out now (what the last one left on screen may go). */
  default void sending() {}

  /** Not sent: the console is offline. */
  default void offline() {}

  /**
   * Not sent: an earlier command's outcome is still being looked up, and it may have been saved.
   */
  default void held() {}

  /** The connection dropped before the answer: the command's key is being looked up. */
  default void checking() {}

  /**
   * The key says it was saved before the connection dropped; {@code replayed} is the answer read
   * again for a command that {@linkplain StaffCommand#replaysAnswer() replays}, else null.
   */
  default void savedAfterAll(R replayed) {}

  /** It was saved, but its answer could not be read again ({@code failure} says why). */
  default void savedUnread(Throwable failure) {
    savedAfterAll(null);
  }

  /**
   * It was not saved ({@code why} null), or that could not be told ({@code why} is the lookup's
   * failure). Either way a retry under the same key is safe: it acts at most once.
   */
  default void notSaved(Throwable why) {}
}
