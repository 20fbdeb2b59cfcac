package dev.arbiter.app.common.command;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One command over many items, each item a command of its own with its own key, sent one after
 * another by the same {@link CommandRunner} as any single command. An item the database answers
 * (done or refused) is kept; a lost connection stops the run with the item in flight looked up by
 * its key and the rest not sent; {@link #send()} then sends again, under their keys, the items not
 * known saved, so each item acts once however often the run is resumed. FX thread.
 *
 * @param <R> one item's answer
 */
public final class BulkRun<R> {

  /** Where one item stands. */
  public enum State {
    NOT_SENT,
    /** The database answered; see the answer. */
    ANSWERED,
    /** Saved before its answer was lost with the connection (the answer, if read again, is set). */
    SAVED,
    /** In flight when the connection dropped; its key is being looked up. */
    CHECKING,
    /** In flight when the connection dropped, and its key says it was not saved. */
    NOT_SAVED,
    /** In flight when the connection dropped, and its key could not be looked up either. */
    UNKNOWN,
    /** It failed with the connection intact, which stopped the run. */
    FAILED
  }

  /** One item, where it stands, its answer (or null) and what went wrong (or null). */
  public record Item<R>(StaffCommand<R> command, State state, R answer, Throwable problem) {

    Item<R> now(State next, R value, Throwable why) {
      return new Item<>(command, next, value, why);
    }
  }

  /** What the view hears, on the FX thread. */
  public interface Listener<R> {

    /** Item {@code index} changed (it was answered, or its lookup ended). */
    default void changed(int index, Item<R> item) {}

    /**
     * A run ended: every item was sent, or the run was cut short or cancelled. The item in flight
     * when the connection dropped may still be looked up.
     */
    default void stopped() {}

    /** Nothing is under way any more: the run ended, and so did every lookup. */
    default void settled(BulkRun<R> run) {}
  }

  private final CommandRunner runner;
  private final Listener<R> listener;
  private final List<Item<R>> items = new ArrayList<>();
  private boolean running;
  private boolean cancelled;
  private boolean interrupted;
  private Throwable failure;

  public BulkRun(
      CommandRunner runner, List<? extends StaffCommand<R>> commands, Listener<R> listener) {
    this.runner = runner;
    this.listener = listener;
    commands.forEach(c -> items.add(new Item<>(c, State.NOT_SENT, null, null)));
  }

  /**
   * Sends, in order, every item not known saved or answered. False, sending nothing, while offline
   * or while a run or a lookup is under way.
   */
  public boolean send() {
    if (running || checking() || !runner.isOnline()) {
      return false;
    }
    List<Integer> rest = restIndexes();
    running = true;
    cancelled = false;
    failure = null;
    next(rest, 0);
    return true;
  }

  /** Stops the run between two items; the items not reached stay unsent. */
  public void cancel() {
    cancelled = true;
  }

  private void next(List<Integer> rest, int at) {
    if (cancelled || at == rest.size()) {
      stop();
      return;
    }
    int index = rest.get(at);
    runner.send(
        items.get(index).command(),
        new CommandReply<>() {
          @Override
          public void answered(R answer) {
            put(index, State.ANSWERED, answer, null);
            next(rest, at + 1);
          }

          @Override
          public void failed(Throwable why) {
            failure = why;
            interrupted = true;
            put(index, State.FAILED, null, why);
            stop();
          }

          @Override
          public void checking() {
            boolean first = items.get(index).state() != State.CHECKING;
            put(index, State.CHECKING, null, null);
            if (first) {
              interrupted = true;
              stop();
            }
          }

          @Override
          public void savedAfterAll(R replayed) {
            looked(index, replayed == null ? State.SAVED : State.ANSWERED, replayed, null);
          }

          @Override
          public void savedUnread(Throwable why) {
            looked(index, State.SAVED, null, why);
          }

          @Override
          public void notSaved(Throwable why) {
            looked(index, why == null ? State.NOT_SAVED : State.UNKNOWN, null, why);
          }
        });
  }

  private void put(int index, State state, R answer, Throwable problem) {
    Item<R> item = items.get(index).now(state, answer, problem);
    items.set(index, item);
    listener.changed(index, item);
  }

  // A lookup ended with what it found.
  private void looked(int index, State state, R answer, Throwable problem) {
    put(index, state, answer, problem);
    if (!running && !checking()) {
      listener.settled(this);
    }
  }

  private void stop() {
    if (running) {
      running = false;
      listener.stopped();
      if (!checking()) {
        listener.settled(this);
      }
    }
  }

  private List<Integer> restIndexes() {
    return IntStream.range(0, items.size())
        .filter(i -> isRest(items.get(i).state()))
        .boxed()
        .toList();
  }

  private static boolean isRest(State state) {
    return switch (state) {
      case NOT_SENT, NOT_SAVED, UNKNOWN, FAILED -> true;
      case ANSWERED, SAVED, CHECKING -> false;
    };
  }

  /** The items in plan order, as they stand. */
  public List<Item<R>> items() {
    return List.copyOf(items);
  }

  /** The items {@link #send()} would send: not sent, not saved, of unknown outcome, or failed. */
  public List<Item<R>> rest() {
    return items.stream().filter(i -> isRest(i.state())).toList();
  }

  public long count(State state) {
    return items.stream().filter(i -> i.state() == state).count();
  }

  public boolean running() {
    return running;
  }

  /** Whether an item's lookup is under way. */
  public boolean checking() {
    return count(State.CHECKING) > 0;
  }

  /** Whether a lost connection or a failure has cut a run of this bulk short. */
  public boolean interrupted() {
    return interrupted;
  }

  /** The failure that stopped the last run, or null. */
  public Throwable failure() {
    return failure;
  }
}
