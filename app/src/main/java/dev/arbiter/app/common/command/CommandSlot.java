package dev.arbiter.app.common.command;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The commands of one view, one at a time: nothing is sent while one is on its way, while the
 * console is offline, or while the outcome of one whose answer was lost is looked up (it may have
 * been saved, and the next command may depend on it). The command last sent is kept, so that Retry
 * sends it again, under the same key, once it is known not saved. FX thread.
 */
public final class CommandSlot {

  private record Sent<R>(StaffCommand<R> command, CommandReply<R> reply) {}

  private final CommandRunner runner;
  private final BooleanProperty busy;
  private final ReadOnlyBooleanWrapper settling = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper(false);
  private Sent<?> current;
  private boolean sending;

  public CommandSlot(CommandRunner runner) {
    this(runner, new SimpleBooleanProperty(false));
  }

  /**
   * @param busy set while a command is on its way; a view may share it with its reads
   */
  public CommandSlot(CommandRunner runner, BooleanProperty busy) {
    this.runner = runner;
    this.busy = busy;
  }

  /**
   * Sends {@code command} unless the slot holds it back (its reply then hears why: {@link
   * CommandReply#offline()} or {@link CommandReply#held()}; a command already on its way makes it
   * ignore the new one). Returns whether it was sent.
   */
  public <R> boolean send(StaffCommand<R> command, CommandReply<R> reply) {
    return send(new Sent<>(command, reply));
  }

  private <R> boolean send(Sent<R> sent) {
    if (sending) {
      return false;
    }
    if (settling.get()) {
      sent.reply().held();
      return false;
    }
    if (!runner.isOnline()) {
      sent.reply().offline();
      return false;
    }
    current = sent;
    sending = true;
    busy.set(true);
    retryable.set(false);
    sent.reply().sending();
    runner.send(sent.command(), new Tracked<>(sent));
    return true;
  }

  /** Sends the command known not saved again, under its key; false when none is offered. */
  public boolean retry() {
    Sent<?> again = current;
    return retryable.get() && again != null && send(again);
  }

  /** Offers Retry for the last command, which failed in a way a send under its key may mend. */
  public void offerRetry() {
    if (current != null && !sending && !settling.get()) {
      retryable.set(true);
    }
  }

  /** The view moved on: Retry is no longer offered. A lookup under way still ends first. */
  public void forget() {
    if (!settling.get()) {
      dropOffer();
    }
  }

  /**
   * The view moved on for good: Retry is no longer offered, and a lookup under way no longer holds
   * the next command back. It still ends, and its reply still hears how.
   */
  public void moveOn() {
    settling.set(false);
    dropOffer();
  }

  private void dropOffer() {
    if (!sending) {
      current = null;
    }
    retryable.set(false);
  }

  /** True while the command whose answer was lost is looked up by its key. */
  public ReadOnlyBooleanProperty settlingProperty() {
    return settling.getReadOnlyProperty();
  }

  /** True once the last command is known not saved (or that cannot be told): Retry sends it. */
  public ReadOnlyBooleanProperty retryableProperty() {
    return retryable.getReadOnlyProperty();
  }

  public boolean settling() {
    return settling.get();
  }

  // Keeps the slot's state in step with the command it is about; a command the view moved on from
  // only reaches its own reply.
  private final class Tracked<R> implements CommandReply<R> {

    private final Sent<R> sent;

    Tracked(Sent<R> sent) {
      this.sent = sent;
    }

    private boolean current() {
      return current == sent;
    }

    private void arrived() {
      if (current()) {
        sending = false;
        busy.set(false);
      }
    }

    private void over() {
      if (current()) {
        settling.set(false);
        current = null;
      }
    }

    @Override
    public void answered(R answer) {
      arrived();
      over();
      sent.reply().answered(answer);
    }

    @Override
    public void failed(Throwable failure) {
      arrived();
      sent.reply().failed(failure);
    }

    @Override
    public void checking() {
      arrived();
      if (current()) {
        settling.set(true);
      }
      sent.reply().checking();
    }

    @Override
    public void savedAfterAll(R replayed) {
      over();
      sent.reply().savedAfterAll(replayed);
    }

    @Override
    public void savedUnread(Throwable failure) {
      over();
      sent.reply().savedUnread(failure);
    }

    @Override
    public void notSaved(Throwable why) {
      if (current() && settling.get()) {
        settling.set(false);
        retryable.set(true);
      }
      sent.reply().notSaved(why);
    }
  }
}
