package dev.arbiter.app.releases;

import dev.arbiter.model.money.Money;
import dev.arbiter.model.money.MoneyFormatException;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the reviewer typed for the open checkpoint and the actions made from it. Each action gets
 * its key here, when the reviewer clicks, so a retry of it is the same request. An action the form
 * cannot make yet is refused with what is missing.
 */
final class CheckpointInput {

  private final Locale locale;
  private final ActionFeedback feedback;
  private final StringProperty note = new SimpleStringProperty("");
  private final StringProperty overrideReason = new SimpleStringProperty("");
  private final StringProperty amount = new SimpleStringProperty("");

  CheckpointInput(Locale locale, ActionFeedback feedback) {
    this.locale = locale;
    this.feedback = feedback;
  }

  CheckpointAction approve(CheckpointDetail open) {
    return new CheckpointAction.Approve(
        id(open), blankToNull(note.get()), blankToNull(overrideReason.get()), key("approve"));
  }

  Optional<CheckpointAction> reject(CheckpointDetail open) {
    if (noted("Write the reason for the rejection in the note; the requester will read it.")) {
      return Optional.of(new CheckpointAction.Reject(id(open), note.get().strip(), key("reject")));
    }
    return Optional.empty();
  }

  Optional<CheckpointAction> hold(CheckpointDetail open) {
    if (noted("Write the reason for the hold in the note.")) {
      return Optional.of(new CheckpointAction.Hold(id(open), note.get().strip(), key("hold")));
    }
    return Optional.empty();
  }

  CheckpointAction unhold(CheckpointDetail open) {
    return new CheckpointAction.Unhold(id(open), blankToNull(note.get()), key("unhold"));
  }

  Optional<CheckpointAction> refund(CheckpointDetail open) {
    if (noted("Write the reason for the refund in the note.")) {
      return Optional.of(new CheckpointAction.Refund(id(open), note.get().strip(), key("refund")));
    }
    return Optional.empty();
  }

  /** Releasing everything left on the checkpoint. */
  CheckpointAction.Release fullRelease(CheckpointDetail open) {
    return new CheckpointAction.Release(id(open), null, key("release"));
  }

  /** Releasing the amount typed, read strictly in the checkpoint's currency. */
  Optional<CheckpointAction.Release> partialRelease(CheckpointDetail open) {
    if (open == null) {
      return Optional.empty();
    }
    Money parsed;
    try {
      parsed = Money.parse(amount.get(), open.checkpoint().currency(), locale);
    } catch (MoneyFormatException e) {
      feedback.say(e.getMessage(), true);
      return Optional.empty();
    }
    if (!parsed.isPositive()) {
      feedback.say("Enter an amount above zero.", true);
      return Optional.empty();
    }
    return Optional.of(new CheckpointAction.Release(id(open), parsed.minor(), key("release")));
  }

  void clear() {
    note.set("");
    overrideReason.set("");
    amount.set("");
  }

  private boolean noted(String missing) {
    if (note.get().isBlank()) {
      feedback.say(missing, true);
      return false;
    }
    return true;
  }

  private static long id(CheckpointDetail open) {
    if (open == null) {
      throw new IllegalStateException("no checkpoint is open");
    }
    return open.checkpoint().id();
  }

  private static String key(String action) {
    return IdempotencyKeys.next(action);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  StringProperty noteProperty() {
    return note;
  }

  StringProperty overrideReasonProperty() {
    return overrideReason;
  }

  StringProperty amountProperty() {
    return amount;
  }
}
