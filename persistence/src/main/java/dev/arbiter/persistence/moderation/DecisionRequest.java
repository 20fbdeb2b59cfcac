package dev.arbiter.persistence.moderation;

import dev.arbiter.model.moderation.FlagDecision;
import java.time.Duration;
import java.util.Objects;

/**
 * A moderator's decision on one item: what to do, the preset reason, an optional note (required
 * with {@link ModerationReason#OTHER}) and, for a suspension only, how long it lasts. Invalid
 * combinations are refused here, before the database refuses them too.
 */
public record DecisionRequest(
    ItemKey key, FlagDecision decision, ModerationReason reason, String note, Duration suspendFor) {

  public DecisionRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reason, "reason");
    note = note == null || note.isBlank() ? null : note.strip();
    if (!reason.fits(decision)) {
      throw new IllegalArgumentException(
          "\"" + reason.label() + "\" is not a reason to " + describe(decision));
    }
    if (reason.needsNote() && note == null) {
      throw new IllegalArgumentException("Explain the reason in the note");
    }
    boolean suspension = decision == FlagDecision.SUSPEND_USER;
    if (suspension && (suspendFor == null || suspendFor.isNegative() || suspendFor.isZero())) {
      throw new IllegalArgumentException("A suspension needs a duration");
    }
    if (!suspension && suspendFor != null) {
      throw new IllegalArgumentException("Only a suspension takes a duration");
    }
  }

  /** The same decision on another item, for bulk actions. */
  public DecisionRequest forItem(ItemKey other) {
    return new DecisionRequest(other, decision, reason, note, suspendFor);
  }

  /** The decision as an imperative, e.g. "hide the content". */
  public static String describe(FlagDecision decision) {
    return switch (decision) {
      case DISMISS -> "dismiss the flags";
      case HIDE_CONTENT -> "hide the content";
      case WARN_USER -> "warn the user";
      case SUSPEND_USER -> "suspend the user";
    };
  }
}
