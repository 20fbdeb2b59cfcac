package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.command.CommandReply;
import dev.arbiter.app.common.command.CommandSlot;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.ledger.MoneyResult;

/**
 * What the reviewer reads about one money command (a checkpoint action, a settlement decision). The
 * database answers with a result that may be a refusal; {@code stale} means the record changed
 * after the reviewer read it. When the connection dropped with the commit in flight the key settles
 * whether it was saved before anything is sent again; what was not saved, or failed on the way,
 * waits for Retry, which sends it under the same key, so a late commit or a double click still has
 * one effect.
 */
abstract class MoneyReply implements CommandReply<MoneyResult> {

  static final String CHECKING = "Connection lost while saving; checking whether it was saved…";

  // Money functions record refusals under the key as well, so "recorded" is not "saved": the
  // replayed answer says which it was.
  static final String ANSWERED_UNREAD =
      "The database answered before the connection dropped, so it is not sent again;"
          + " reload to see what it did.";

  private final ActionFeedback feedback;
  private final CommandSlot slot;

  MoneyReply(ActionFeedback feedback, CommandSlot slot) {
    this.feedback = feedback;
    this.slot = slot;
  }

  /** The database refused the command because its record changed since the reviewer read it. */
  abstract void stale();

  /** The database answered {@code result}; {@code prefix} goes before what it says. */
  abstract void done(MoneyResult result, String prefix);

  /** It was saved, but its answer could not be read again: show the record as it is. */
  abstract void savedUnread();

  @Override
  public void answered(MoneyResult result) {
    if (result.refusal().orElse(null) == MoneyRefusal.STALE) {
      stale();
    } else {
      done(result, "");
    }
  }

  @Override
  public void failed(Throwable failure) {
    notSaved(ErrorText.describe(failure));
    slot.offerRetry();
  }

  @Override
  public void offline() {
    feedback.say(CheckpointViewModel.OFFLINE, true);
  }

  @Override
  public void held() {
    feedback.say(CHECKING, false);
  }

  @Override
  public void checking() {
    feedback.say(CHECKING, false);
  }

  @Override
  public void savedAfterAll(MoneyResult replayed) {
    done(
        replayed,
        replayed.ok()
            ? "The connection dropped, but it was saved: "
            : "The connection dropped after the database answered; it was refused: ");
  }

  @Override
  public void savedUnread(Throwable failure) {
    feedback.say(ANSWERED_UNREAD, false);
    savedUnread();
  }

  @Override
  public void notSaved(Throwable why) {
    notSaved(
        why == null
            ? "It was not saved: the connection dropped first."
            : "The database is still out of reach, so it is not known whether it was saved.");
  }

  private void notSaved(String why) {
    feedback.say(why + " Nothing is posted twice: Retry sends the same request again.", true);
  }
}
